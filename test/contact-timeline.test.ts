import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";
import { reportFixture } from "./report-fixture";

type Fixture = Awaited<ReturnType<typeof reportFixture>>;
type Item = { kind: string; at: string; id: string; [key: string]: unknown };
let f: Fixture;
beforeAll(async () => {
	f = await reportFixture();
	// A status change by a person, after everything else.
	const ann = f.contactId("ann@report.example");
	await call("PATCH", `/api/v1/contacts/${ann}`, { status: "unsubscribed" }, { cookie: f.cookie });
});

async function timeline(contactId: string, query = "", cookie = f.cookie) {
	const res = await call("GET", `/api/v1/contacts/${contactId}/timeline${query}`, undefined, { cookie });
	expect(res.status, res.text).toBe(200);
	return res.json as { data: Item[]; next_cursor: string | null };
}

describe("contact timeline", () => {
	it("shows a contact's message, opens, clicks, events, status and consent, newest first", async () => {
		const { data, next_cursor } = await timeline(f.contactId("ann@report.example"));
		expect(next_cursor).toBeNull();
		const times = data.map((i) => Date.parse(i.at));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		expect(new Set(data.map((i) => i.kind))).toEqual(
			new Set(["message", "open", "click", "event", "status", "consent"]),
		);
		expect(data.find((i) => i.kind === "message")).toMatchObject({
			campaign_id: f.campaignId,
			campaign_name: "Spring",
			status: "sent",
			opens: 1,
			machine_opens: 0,
			clicks: 1,
			bot_clicks: 0,
		});
		expect(data.find((i) => i.kind === "click")).toMatchObject({ url: "https://shop.example/a", flag: null });
		expect(data.find((i) => i.kind === "event")).toMatchObject({ name: "purchase", properties: { sku: "A1" } });
		expect(data.find((i) => i.kind === "consent")).toMatchObject({ source: expect.any(String) });
		expect(data[0]).toMatchObject({ kind: "status", from: "subscribed", to: "unsubscribed", source: "api" });
	});

	it("shows a privacy-proxy open as a machine open, not as the person's", async () => {
		const { data } = await timeline(f.contactId("bob@report.example"), "?kinds=message,open");
		expect(data.map((i) => i.kind).sort()).toEqual(["message", "open"]);
		expect(data.find((i) => i.kind === "open")).toMatchObject({ flag: "machine", campaign_name: "Spring" });
		expect(data.find((i) => i.kind === "message")).toMatchObject({ opens: 0, machine_opens: 1 });
	});

	it("shows an unsubscribe as a status change", async () => {
		const { data } = await timeline(f.contactId("dee@report.example"), "?kinds=status");
		expect(data[0]).toMatchObject({ kind: "status", from: "subscribed", to: "unsubscribed" });
	});

	it("keeps every consent a contact gave, newest first", async () => {
		const id = f.contactId("cy@report.example");
		// Imported: the consent on the contact's row.
		expect((await timeline(id, "?kinds=consent")).data).toEqual([
			expect.objectContaining({ kind: "consent", id, source: expect.any(String) }),
		]);
		for (const [text, at] of [
			["Weekly news", "2026-01-01T10:00:00.000Z"],
			["Offers too", "2026-02-01T10:00:00.000Z"],
		]) {
			const res = await call(
				"POST",
				"/api/v1/contacts",
				{ email: "cy@report.example", consent: { source: "signup-form", text, at } },
				{ cookie: f.cookie },
			);
			expect(res.status, res.text).toBe(200);
		}
		const { data } = await timeline(id, "?kinds=consent");
		expect(data.map((i) => [i.text, i.at])).toEqual([
			["Offers too", "2026-02-01T10:00:00.000Z"],
			["Weekly news", "2026-01-01T10:00:00.000Z"],
		]);
	});

	it("filters by kind; journey is reserved and empty; an unknown kind is 400", async () => {
		const { data } = await timeline(f.contactId("ann@report.example"), "?kinds=click,event");
		expect(data.map((i) => i.kind).sort()).toEqual(["click", "event"]);
		expect((await timeline(f.contactId("ann@report.example"), "?kinds=journey")).data).toEqual([]);
		const bad = await call(
			"GET",
			`/api/v1/contacts/${f.contactId("ann@report.example")}/timeline?kinds=sms`,
			undefined,
			{
				cookie: f.cookie,
			},
		);
		expect(bad.status).toBe(400);
		expect(bad.json.error.issues[0].path).toBe("kinds");
	});

	it("pages with a cursor: every item once, in order", async () => {
		const id = f.contactId("ann@report.example");
		const all = (await timeline(id)).data;
		const walked: Item[] = [];
		let cursor: string | null = null;
		do {
			const page = await timeline(id, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
			expect(page.data.length).toBeLessThanOrEqual(2);
			walked.push(...page.data);
			cursor = page.next_cursor;
		} while (cursor);
		expect(walked.map((i) => `${i.kind}:${i.id}`)).toEqual(all.map((i) => `${i.kind}:${i.id}`));
		const bad = await call("GET", `/api/v1/contacts/${id}/timeline?cursor=nonsense`, undefined, { cookie: f.cookie });
		expect(bad.status).toBe(400);
	});

	it("is readable by a viewer and invisible to another workspace", async () => {
		const id = f.contactId("ann@report.example");
		const viewer = await addMember(f.cookie, "viewer");
		expect((await timeline(id, "", viewer.cookie)).data.length).toBeGreaterThan(0);
		const stranger = await signupOwner("Stranger");
		const res = await call("GET", `/api/v1/contacts/${id}/timeline`, undefined, { cookie: stranger.cookie });
		expect(res.status).toBe(404);
	});
});
