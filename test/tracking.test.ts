import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../worker/domain/encoding";
import { signToken } from "../worker/domain/tokens";
import { call } from "./client";
import { hit, pathsIn, sentCampaign, stats, unsubscribePath, waitUntil } from "./tracking-helpers";

describe("open pixel", () => {
	it("answers a 43-byte transparent GIF, never cached, and counts the open", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		const [pixel] = pathsIn(emails[0]?.html ?? "", "o");
		const res = await hit(pixel ?? "");
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toBe("image/gif");
		expect(res.headers.get("cache-control")).toMatch(/no-store/);
		expect(bytes.length).toBe(43);
		expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe("GIF89a");
		const after = await waitUntil("the open", async () =>
			(await stats(cookie, campaignId)).unique_opens === 1 ? stats(cookie, campaignId) : null,
		);
		expect(after).toMatchObject({ opens: 1, unique_opens: 1, machine_opens: 0 });
	});

	it("answers the GIF even for a bad token, and records nothing", async () => {
		const res = await hit("/t/o/not-a-token");
		expect(res.status).toBe(200);
		expect((await res.arrayBuffer()).byteLength).toBe(43);
	});

	it("counts a pixel hit twice once, and flags Apple Mail Privacy Protection prefetches as machine opens", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(3);
		const [first, second, last] = emails.map((e) => pathsIn(e.html, "o")[0] ?? "");
		await hit(first ?? "");
		await hit(first ?? "");
		await hit(second ?? "", { agent: "Mozilla/5.0", ip: "17.58.1.2" });
		// A later open of a third recipient: once it is counted, the queue has handled the hits sent before it.
		await hit(last ?? "", { ip: "198.51.100.30" });
		const s = await waitUntil("the later open", async () => {
			const now = await stats(cookie, campaignId);
			return now.unique_opens >= 2 && now.machine_opens >= 1 ? now : null;
		});
		// Two hits of one pixel within a minute are one open; the MPP prefetch is kept, flagged apart.
		expect(s).toMatchObject({ opens: 3, unique_opens: 2, machine_opens: 1 });
	});
});

describe("click redirect", () => {
	it("redirects every rewritten link to its original URL and counts unique clicks per link", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		const links = pathsIn(emails[0]?.html ?? "", "c");
		expect(links).toHaveLength(2);
		const targets = [];
		for (const [i, path] of links.entries()) {
			const res = await hit(path);
			expect(res.status).toBe(302);
			targets.push(res.headers.get("location"));
			await waitUntil("the click", async () => (await stats(cookie, campaignId)).clicks === i + 1);
			// As if read a minute apart: links clicked within seconds of each other are a scanner's.
			await env.DB.prepare("UPDATE tracking_events SET occurred_at = occurred_at - 60000 WHERE campaign_id = ?")
				.bind(campaignId)
				.run();
		}
		expect(targets).toEqual(["https://shop.example/a?x=1&y=2#top", "https://shop.example/b"]);
		const s = await waitUntil("clicks", async () => {
			const now = await stats(cookie, campaignId);
			return now.clicks === 2 ? now : null;
		});
		expect(s.links).toEqual(
			expect.arrayContaining([
				{ url: "https://shop.example/a?x=1&y=2#top", clicks: 1, unique_clicks: 1 },
				{ url: "https://shop.example/b", clicks: 1, unique_clicks: 1 },
			]),
		);
	});

	it("answers tampered, truncated, foreign and fuzzed tokens with 404 and never a Location", async () => {
		const { emails } = await sentCampaign(1);
		const good = (pathsIn(emails[0]?.html ?? "", "c")[0] ?? "").slice("/t/c/".length);
		const bytes = fromBase64Url(good) ?? new Uint8Array();
		const flipped = bytes.slice();
		flipped[20] = (flipped[20] ?? 0) ^ 1;
		const foreign = await signToken("some-other-secret-0123456789", {
			k: "c",
			m: "msg_x",
			l: 0,
			u: "https://evil.example",
		});
		const open = await signToken(env.TOKEN_SECRET ?? "", { k: "o", m: "msg_x" });
		const fuzz = [
			toBase64Url(flipped),
			good.slice(0, -2),
			foreign,
			open,
			"%2F%2Fevil.com",
			"@evil.com",
			"%5C%5Cevil.com",
			"x%0d%0aLocation:%20https://evil.com",
			"..%2F..%2F",
			`${good}%00`,
		];
		for (const token of fuzz) {
			const res = await hit(`/t/c/${token}`);
			expect(res.status, token).toBe(404);
			expect(res.headers.get("location"), token).toBeNull();
		}
	});

	it("flags scanner clicks (HEAD, scanner agents, every link at once) and keeps them out of unique clicks", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(2);
		const [a, b] = pathsIn(emails[0]?.html ?? "", "c");
		const [c] = pathsIn(emails[1]?.html ?? "", "c");
		expect((await hit(a ?? "", { method: "HEAD" })).status).toBe(302);
		await hit(c ?? "", { agent: "Mozilla/5.0 (compatible; Proofpoint URL Defense)" });
		await hit(a ?? "");
		await hit(b ?? "");
		const s = await waitUntil("clicks", async () => {
			const now = await stats(cookie, campaignId);
			return now.clicks === 4 ? now : null;
		});
		expect(s).toMatchObject({ clicks: 4, bot_clicks: 4, unique_clicks: 0 });
	});
});

describe("unsubscribe", () => {
	it("shows a page on GET that changes nothing, with the workspace and a masked address", async () => {
		const { cookie, emails } = await sentCampaign(1);
		const res = await hit(unsubscribePath(emails[0]?.headers ?? {}));
		const page = await res.text();
		expect(res.status).toBe(200);
		expect(page).toContain("Tracking Co");
		expect(page).toContain("p*");
		expect(page).not.toContain("p0@track.example");
		expect((await call("GET", "/api/v1/contacts?status=unsubscribed", undefined, { cookie })).json.data).toEqual([]);
	});

	it("unsubscribes with an RFC 8058 one-click POST: no cookies, 200, empty body", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		const res = await hit(unsubscribePath(emails[0]?.headers ?? {}), {
			method: "POST",
			body: "List-Unsubscribe=One-Click",
			contentType: "application/x-www-form-urlencoded",
		});
		expect(res.status).toBe(200);
		expect(await res.text()).toBe("");
		const contacts = await call("GET", "/api/v1/contacts?status=unsubscribed", undefined, { cookie });
		expect(contacts.json.data.map((c: { email: string }) => c.email)).toEqual(["p0@track.example"]);
		// The campaign's numbers follow through the EVENTS queue.
		await waitUntil("the unsubscribe in the campaign's numbers", async () => {
			return (await stats(cookie, campaignId)).unsubscribed === 1;
		});
	});

	it("unsubscribes from the page's button and confirms", async () => {
		const { cookie, emails } = await sentCampaign(1);
		const res = await hit(unsubscribePath(emails[0]?.headers ?? {}), {
			method: "POST",
			body: "",
			contentType: "application/x-www-form-urlencoded",
		});
		expect(await res.text()).toContain("You're unsubscribed");
		expect((await call("GET", "/api/v1/contacts?status=unsubscribed", undefined, { cookie })).json.data).toHaveLength(
			1,
		);
	});

	it("refuses a tampered unsubscribe token", async () => {
		expect((await hit("/u/abc", { method: "POST", body: "List-Unsubscribe=One-Click" })).status).toBe(404);
	});
});

describe("clicks right after delivery", () => {
	it("are flagged bot: a person cannot read and click within seconds", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		await env.DB.prepare("UPDATE messages SET sent_at = ? WHERE campaign_id = ?").bind(Date.now(), campaignId).run();
		await hit(pathsIn(emails[0]?.html ?? "", "c")[1] ?? "");
		const s = await waitUntil("the click", async () => {
			const now = await stats(cookie, campaignId);
			return now.clicks === 1 ? now : null;
		});
		expect(s).toMatchObject({ bot_clicks: 1, unique_clicks: 0 });
	});
});
