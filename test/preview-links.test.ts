import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signToken } from "../worker/domain/tokens";
import { addMember, call, ORIGIN } from "./client";
import { hit, pathsIn, sentCampaign, stats, unsubscribePath, waitUntil } from "./tracking-helpers";

const SECRET = env.TOKEN_SECRET ?? "";

async function contactByEmail(cookie: string, email: string) {
	const res = await call("GET", `/api/v1/contacts?q=${encodeURIComponent(email)}`, undefined, { cookie });
	return res.json.data[0] as { id: string; status: string };
}

async function messageOf(campaignId: string, contactId: string) {
	const row = await env.DB.prepare("SELECT id FROM messages WHERE campaign_id = ? AND contact_id = ?")
		.bind(campaignId, contactId)
		.first<{ id: string }>();
	return row?.id ?? "";
}

const oneClick = (path: string) =>
	hit(path, { method: "POST", body: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded" });
const formPost = (path: string) =>
	hit(path, { method: "POST", body: "", contentType: "application/x-www-form-urlencoded" });

describe("previews carry links that change nothing", () => {
	it("a viewer's preview for a real contact cannot unsubscribe that contact", async () => {
		const { cookie, emails } = await sentCampaign(1);
		const viewer = await addMember(cookie, "viewer");
		const contact = await contactByEmail(cookie, emails[0]?.to ?? "");
		const templates = await call("GET", "/api/v1/templates", undefined, { cookie });
		const preview = await call(
			"POST",
			`/api/v1/templates/${templates.json.data[0].id}/preview`,
			{ contact_id: contact.id },
			{ cookie: viewer.cookie },
		);
		expect(preview.status).toBe(200);
		const path = unsubscribePath(preview.json.headers);
		expect(path).toMatch(/^\/u\//);

		const page = await hit(path);
		expect(page.status).toBe(200);
		expect(await page.text()).toMatch(/from a preview/);
		expect((await oneClick(path)).status).toBe(403);
		expect((await formPost(path)).status).toBe(403);
		expect((await contactByEmail(cookie, emails[0]?.to ?? "")).status).toBe("subscribed");
	});

	it("a preview's click link shows its destination instead of redirecting (no open redirect)", async () => {
		const { cookie } = await sentCampaign(1);
		const viewer = await addMember(cookie, "viewer");
		const rendered = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: "Hi", html: '<a href="https://phish.example/login">Log in</a>' } },
			{ cookie: viewer.cookie },
		);
		const [link] = pathsIn(rendered.json.html, "c");
		const res = await hit(link ?? "");
		expect(res.status).toBe(200);
		expect(res.headers.get("location")).toBeNull();
		expect(await res.text()).toContain("https://phish.example/login");
	});

	it("a test send's unsubscribe and click links change nothing", async () => {
		const { cookie, emails } = await sentCampaign(1);
		const contact = await contactByEmail(cookie, emails[0]?.to ?? "");
		const templates = await call("GET", "/api/v1/templates", undefined, { cookie });
		const sent = await call(
			"POST",
			`/api/v1/templates/${templates.json.data[0].id}/test-send`,
			{ to: ["qa@track.example"], contact_id: contact.id },
			{ cookie },
		);
		expect(sent.status).toBe(200);
		const captured = await call("GET", `/api/v1/outbox/${sent.json.outbox_ids[0]}`, undefined, { cookie });
		expect((await oneClick(unsubscribePath(captured.json.headers))).status).toBe(403);
		const click = await hit(pathsIn(captured.json.html, "c")[0] ?? "");
		expect(click.headers.get("location")).toBeNull();
		expect((await contactByEmail(cookie, emails[0]?.to ?? "")).status).toBe("subscribed");
	});

	it("links signed before previews were marked act on nobody: they name no sent message", async () => {
		const { cookie, emails, workspace } = await sentCampaign(1);
		const contact = await contactByEmail(cookie, emails[0]?.to ?? "");
		const unsubscribe = await signToken(SECRET, { k: "u", m: "preview", c: contact.id, w: workspace.id });
		expect((await oneClick(`/u/${unsubscribe}`)).status).toBe(403);
		const click = await signToken(SECRET, { k: "c", m: "test_01", l: 0, u: "https://phish.example/" });
		expect((await hit(`/t/c/${click}`)).headers.get("location")).toBeNull();
		expect((await contactByEmail(cookie, emails[0]?.to ?? "")).status).toBe("subscribed");
	});
});

describe("unsubscribe links act only for their own message", () => {
	it("a link naming one recipient's message and another contact unsubscribes nobody", async () => {
		const { cookie, campaignId, emails, workspace } = await sentCampaign(2);
		const [a, b] = await Promise.all(emails.map((e) => contactByEmail(cookie, e.to)));
		const forged = await signToken(SECRET, {
			k: "u",
			m: await messageOf(campaignId, a?.id ?? ""),
			c: b?.id ?? "",
			w: workspace.id,
		});
		expect((await hit(`/u/${forged}`)).status).toBe(404);
		expect((await oneClick(`/u/${forged}`)).status).toBe(404);
		expect((await contactByEmail(cookie, emails[1]?.to ?? "")).status).toBe("subscribed");
		expect((await contactByEmail(cookie, emails[0]?.to ?? "")).status).toBe("subscribed");
	});
});

describe("click links are safe to redirect", () => {
	const long = (n: number) => `https://shop.example/p?ref=${"a".repeat(n)}`;

	it("a link with an encoded CR/LF redirects to a clean URL instead of failing", async () => {
		const { emails } = await sentCampaign(
			1,
			'<a href="https://shop.example/x?a=1&#13;&#10;Set-Cookie:%20evil=1">X</a>',
		);
		const res = await hit(pathsIn(emails[0]?.html ?? "", "c")[0] ?? "");
		expect(res.status).toBe(302);
		expect(res.headers.get("location")).toBe("https://shop.example/x?a=1Set-Cookie:%20evil=1");
	});

	it("a token carrying CR/LF or an unparseable URL never injects a header or answers 500", async () => {
		const { campaignId, cookie, emails } = await sentCampaign(1);
		const contact = await contactByEmail(cookie, emails[0]?.to ?? "");
		const m = await messageOf(campaignId, contact.id);
		const crlf = await signToken(SECRET, { k: "c", m, l: 0, u: "https://shop.example/\r\nSet-Cookie: x=1" });
		const res = await hit(`/t/c/${crlf}`);
		expect(res.status).toBe(302);
		expect(res.headers.get("location")).toBe("https://shop.example/Set-Cookie:%20x=1");
		expect(res.headers.get("set-cookie")).toBeNull();
		const broken = await signToken(SECRET, { k: "c", m, l: 0, u: "https://" });
		const refused = await hit(`/t/c/${broken}`);
		expect(refused.status).toBe(404);
		expect(refused.headers.get("location")).toBeNull();
	});

	it("a 3,500-character link is tracked and redirects; a longer one is left working, untracked", async () => {
		const html = `<a href="${long(3_500)}">long</a> <a href="${long(5_000)}">longer</a>`;
		const { emails } = await sentCampaign(1, html);
		const body = emails[0]?.html ?? "";
		const [tracked, ...others] = pathsIn(body, "c");
		expect(others).toHaveLength(0);
		const res = await hit(tracked ?? "");
		expect(res.status).toBe(302);
		expect(res.headers.get("location")).toBe(long(3_500));
		expect(body).toContain(`href="${long(5_000)}"`);
	});

	it("a preview that would produce more than 500 links is refused, naming the field", async () => {
		const { cookie } = await sentCampaign(1);
		const viewer = await addMember(cookie, "viewer");
		const html = '{% for i in (1..800) %}<a href="https://shop.example/{{ i }}">{{ i }}</a>{% endfor %}';
		const res = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: "S", html } },
			{ cookie: viewer.cookie },
		);
		expect(res.status).toBe(422);
		expect(res.error.issues[0].path).toBe("html");
	});
});

describe("viewing a sent message in the Outbox", () => {
	it("offers HTML without the pixel, with direct links and a disabled unsubscribe link", async () => {
		const { cookie, emails } = await sentCampaign(1);
		const list = await call("GET", "/api/v1/outbox", undefined, { cookie });
		const message = await call("GET", `/api/v1/outbox/${list.json.data[0].id}`, undefined, { cookie });
		const safe = message.json.preview_html as string;
		expect(pathsIn(message.json.html, "o")).toHaveLength(1);
		expect(safe).not.toContain(`${ORIGIN}/t/`);
		expect(safe).not.toContain(`${ORIGIN}/u/`);
		expect(safe).toContain('href="https://shop.example/b"');
		expect(emails[0]?.html).toContain(`${ORIGIN}/t/o/`);
	});
});

describe("looking at emails inside Pulse", () => {
	const count = async (cookie: string, rule: Record<string, unknown>) =>
		(await call("POST", "/api/v1/segments/preview", { definition: { all: [rule] } }, { cookie })).json.count;

	it("leaves stats, the overview and engagement segments unchanged, whatever kind of view is opened", async () => {
		const { cookie, campaignId, emails } = await sentCampaign(1);
		const contact = await contactByEmail(cookie, emails[0]?.to ?? "");
		const templateId = (await call("GET", "/api/v1/templates", undefined, { cookie })).json.data[0].id;
		// The template preview (template page, campaign form, assistant cards), as an editor and as a viewer.
		const preview = await call(
			"POST",
			`/api/v1/templates/${templateId}/preview`,
			{ contact_id: contact.id },
			{ cookie },
		);
		const viewer = await addMember(cookie, "viewer");
		const viewerPreview = await call("POST", `/api/v1/templates/${templateId}/preview`, {}, { cookie: viewer.cookie });
		// The editor's live render of unsaved source.
		const source = (await call("GET", `/api/v1/templates/${templateId}`, undefined, { cookie })).json;
		const live = await call(
			"POST",
			"/api/v1/templates/render",
			{ template: { subject: source.subject, html: source.html }, contact_id: contact.id },
			{ cookie },
		);
		// A test send, as the Outbox shows it.
		const test = await call(
			"POST",
			`/api/v1/templates/${templateId}/test-send`,
			{ to: ["qa@track.example"], contact_id: contact.id },
			{ cookie },
		);
		const captured = await call("GET", `/api/v1/outbox/${test.json.outbox_ids[0]}`, undefined, { cookie });
		// The campaign's own message, as the Outbox message page shows it.
		const sentCopy = (await call("GET", `/api/v1/outbox?campaign_id=${campaignId}`, undefined, { cookie })).json
			.data[0];
		const viewed = await call("GET", `/api/v1/outbox/${sentCopy.id}`, undefined, { cookie });
		const views = [
			preview.json.html,
			viewerPreview.json.html,
			live.json.html,
			captured.json.html,
			captured.json.preview_html,
			viewed.json.preview_html,
		] as string[];
		expect(views.every((html) => typeof html === "string" && html.length > 0)).toBe(true);
		expect(pathsIn(viewed.json.preview_html, "o")).toHaveLength(0);
		let hits = 0;
		for (const html of views) {
			for (const path of [...pathsIn(html, "o"), ...pathsIn(html, "c")]) {
				await hit(path);
				hits++;
			}
		}
		expect(hits).toBeGreaterThan(4);
		const opened30 = { engagement: "opened", within_days: 30 };
		expect(await count(cookie, opened30)).toBe(0);
		// The recipient's own open, hit last: once it is counted, anything the views caused would be too.
		await hit(pathsIn(emails[0]?.html ?? "", "o")[0] ?? "");
		const after = await waitUntil("the recipient's open", async () => {
			const s = await stats(cookie, campaignId);
			return s.opens >= 1 ? s : null;
		});
		expect(after).toMatchObject({ opens: 1, unique_opens: 1, clicks: 0, unique_clicks: 0, unsubscribed: 0 });
		expect(await count(cookie, opened30)).toBe(1);
		expect(await count(cookie, { engagement: "opened", campaign_id: campaignId, within_days: 30 })).toBe(1);
		expect(await count(cookie, { engagement: "clicked", within_days: 30 })).toBe(0);
		const overview = (await call("GET", "/api/v1/overview", undefined, { cookie })).json;
		expect(overview).toMatchObject({ sends_30d: 1, open_rate_30d: 1, click_rate_30d: 0 });
		expect((await contactByEmail(cookie, emails[0]?.to ?? "")).status).toBe("subscribed");
	});
});
