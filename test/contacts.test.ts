import { describe, expect, it } from "vitest";
import { addMember, call, env, signupOwner } from "./client";
import { contactsOf, importCsv } from "./import-helpers";

describe("contacts", () => {
	it("creates by normalized email, then updates the same contact (201, then 200)", async () => {
		const { cookie } = await signupOwner();
		const created = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "  Ada@Example.COM ", first_name: "Ada", attributes: { city: "London", orders: 2 }, tags: ["vip"] },
			{ cookie },
		);
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({
			email: "ada@example.com",
			status: "subscribed",
			tags: ["vip"],
			consent: { source: "api" },
		});

		const updated = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "ada@example.com", attributes: { orders: 3, plan: "pro" }, tags: ["beta"] },
			{ cookie },
		);
		expect(updated.status).toBe(200);
		expect(updated.json.id).toBe(created.json.id);
		expect(updated.json.attributes).toEqual({ city: "London", orders: 3, plan: "pro" });
		expect(updated.json.tags).toEqual(["beta", "vip"]);
		expect(updated.json.first_name).toBe("Ada");
	});

	it("exports the filtered contacts and a segment as CSV that imports back as it was", async () => {
		const { cookie, workspace } = await signupOwner();
		const people = [
			{
				email: "ada@example.com",
				first_name: "Ada",
				last_name: "Lovelace",
				attributes: { city: "London", orders: 2 },
				tags: ["vip", "beta"],
				timezone: "Europe/London",
			},
			{ email: "bob@example.com", first_name: '=HYPERLINK("x")', attributes: { city: "Paris" }, tags: ["vip"] },
			{ email: "cy@example.com", attributes: { plan: "pro" } },
		];
		for (const person of people) expect((await call("POST", "/api/v1/contacts", person, { cookie })).status).toBe(201);

		const vip = await call("GET", "/api/v1/contacts.csv?tag=vip", undefined, { cookie });
		expect(vip.status).toBe(200);
		expect(vip.headers.get("content-type")).toMatch(/^text\/csv/);
		expect(vip.headers.get("content-disposition")).toMatch(/attachment/);
		expect(vip.text.split("\r\n")).toEqual([
			'"email","first_name","last_name","tags","status","timezone","locale","city","orders","plan"',
			// Newest first; a formula-like cell is made text.
			'"bob@example.com","\'=HYPERLINK(""x"")","","vip","subscribed","","","Paris","",""',
			'"ada@example.com","Ada","Lovelace","beta;vip","subscribed","Europe/London","","London","2",""',
			"",
		]);

		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Londoners", definition: { all: [{ attribute: "city", op: "eq", value: "London" }] } },
			{ cookie },
		);
		const londoners = await call("GET", `/api/v1/segments/${segment.json.id}/contacts.csv`, undefined, { cookie });
		expect(londoners.status).toBe(200);
		expect(londoners.text.split("\r\n").slice(1, -1)).toEqual([expect.stringMatching(/^"ada@example.com"/)]);
		const other = await signupOwner();
		const theirs = await call("GET", `/api/v1/segments/${segment.json.id}/contacts.csv`, undefined, other);
		expect(theirs.status).toBe(404);
		expect((await call("GET", `/api/v1/contacts.csv?segment_id=${segment.json.id}`, undefined, other)).status).toBe(
			404,
		);

		// The whole export imports into another workspace as the same contacts (a formula-like cell stays text).
		const all = await call("GET", "/api/v1/contacts.csv", undefined, { cookie });
		const imported = await importCsv(other.cookie, all.text);
		expect(imported.result).toMatchObject({ status: "completed" });
		const original = (await contactsOf(workspace.id)).map((c) =>
			c.email === "bob@example.com" ? { ...c, first_name: `'${c.first_name}` } : c,
		);
		expect(await contactsOf(other.workspace.id)).toEqual(original);
	});

	it("refuses an invalid address with the reason on the email field", async () => {
		const { cookie } = await signupOwner();
		const res = await call("POST", "/api/v1/contacts", { email: "ada@@example" }, { cookie });
		expect(res.status).toBe(400);
		expect(res.error.issues[0]).toMatchObject({ path: "email" });
		expect(res.error.message).toMatch(/not a valid email/);
	});

	it("records consent and keeps a status history", async () => {
		const { cookie } = await signupOwner();
		const consent = { source: "pricing page form", text: "Send me product news", at: "2026-01-02T03:04:05Z" };
		const c = await call("POST", "/api/v1/contacts", { email: "c@example.com", consent }, { cookie });
		expect(c.json.consent).toMatchObject({
			source: "pricing page form",
			text: "Send me product news",
			at: "2026-01-02T03:04:05.000Z",
		});
		await call("PATCH", `/api/v1/contacts/${c.json.id}`, { status: "unsubscribed" }, { cookie });
		const detail = await call("GET", `/api/v1/contacts/${c.json.id}`, undefined, { cookie });
		expect(detail.json.status_history.map((h: { to: string }) => h.to)).toEqual(["unsubscribed", "subscribed"]);
	});

	it("never resubscribes without fresh consent, and never resubscribes a bounce", async () => {
		const { cookie } = await signupOwner();
		const c = await call("POST", "/api/v1/contacts", { email: "u@example.com", status: "unsubscribed" }, { cookie });
		const silent = await call("POST", "/api/v1/contacts", { email: "u@example.com", status: "subscribed" }, { cookie });
		expect(silent.status).toBe(409);
		expect(silent.error.issues[0].path).toBe("status");
		const withConsent = await call(
			"PATCH",
			`/api/v1/contacts/${c.json.id}`,
			{ status: "subscribed", consent: { source: "double opt-in" } },
			{ cookie },
		);
		expect(withConsent.json.status).toBe("subscribed");

		const b = await call("POST", "/api/v1/contacts", { email: "b@example.com", status: "bounced" }, { cookie });
		const again = await call(
			"PATCH",
			`/api/v1/contacts/${b.json.id}`,
			{ status: "subscribed", consent: { source: "form" } },
			{ cookie },
		);
		expect(again.status).toBe(409);
	});

	it("merges attributes on PATCH (null removes a key) and replaces tags", async () => {
		const { cookie } = await signupOwner();
		const c = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "p@example.com", attributes: { a: 1, b: "x" }, tags: ["one", "two"] },
			{ cookie },
		);
		const res = await call(
			"PATCH",
			`/api/v1/contacts/${c.json.id}`,
			{ attributes: { b: null, c: true }, tags: ["three"] },
			{ cookie },
		);
		expect(res.json.attributes).toEqual({ a: 1, c: true });
		expect(res.json.tags).toEqual(["three"]);
	});

	it("searches by email and name, filters by status and tag, and pages with a cursor", async () => {
		const { cookie } = await signupOwner();
		const people = [
			{ email: "anna@shop.example", first_name: "Anna", last_name: "Schmidt", tags: ["vip"] },
			{ email: "bob@shop.example", first_name: "Bob", last_name: "Stone", status: "unsubscribed" },
			{ email: "cara@other.example", first_name: "Cara", last_name: "Smith", tags: ["vip"] },
		];
		for (const p of people) await call("POST", "/api/v1/contacts", p, { cookie });
		const emails = async (query: string) =>
			(await call("GET", `/api/v1/contacts?${query}`, undefined, { cookie })).json.data.map(
				(c: { email: string }) => c.email,
			);
		expect(await emails("q=SHOP")).toEqual(["bob@shop.example", "anna@shop.example"]);
		expect(await emails("q=smi")).toEqual(["cara@other.example"]);
		expect(await emails("q=anna%20sch")).toEqual(["anna@shop.example"]);
		expect(await emails("status=unsubscribed")).toEqual(["bob@shop.example"]);
		expect(await emails("tag=vip")).toEqual(["cara@other.example", "anna@shop.example"]);
		const first = await call("GET", "/api/v1/contacts?limit=2", undefined, { cookie });
		const second = await call("GET", `/api/v1/contacts?limit=2&cursor=${first.json.next_cursor}`, undefined, {
			cookie,
		});
		expect([...first.json.data, ...second.json.data].map((c: { email: string }) => c.email)).toEqual([
			"cara@other.example",
			"bob@shop.example",
			"anna@shop.example",
		]);
		expect(second.json.next_cursor).toBeNull();
		expect((await call("GET", "/api/v1/contacts?status=gone", undefined, { cookie })).error.issues[0].path).toBe(
			"status",
		);
	});

	it("erases personal data on DELETE but keeps the address suppressed", async () => {
		const { cookie, workspace } = await signupOwner();
		const c = await call(
			"POST",
			"/api/v1/contacts",
			{ email: "gone@example.com", first_name: "Gone", attributes: { phone: "123" } },
			{ cookie },
		);
		await call("POST", "/api/v1/events", { email: "gone@example.com", name: "purchase" }, { cookie });
		expect((await call("DELETE", `/api/v1/contacts/${c.json.id}`, undefined, { cookie })).status).toBe(200);
		expect((await call("GET", `/api/v1/contacts/${c.json.id}`, undefined, { cookie })).status).toBe(404);
		const leftovers = await env.DB.prepare(
			"SELECT (SELECT count(*) FROM contacts WHERE email = 'gone@example.com') AS contacts, (SELECT count(*) FROM events WHERE contact_id = ?) AS events, (SELECT reason FROM suppressions WHERE workspace_id = ? AND email = 'gone@example.com') AS suppression",
		)
			.bind(c.json.id, workspace.id)
			.first();
		expect(leftovers).toEqual({ contacts: 0, events: 0, suppression: "erased" });
		const back = await call("POST", "/api/v1/contacts", { email: "gone@example.com" }, { cookie });
		expect(back.json.status).toBe("unsubscribed");
	});

	it("lets viewers read but not write", async () => {
		const { cookie } = await signupOwner();
		const viewer = await addMember(cookie, "viewer");
		expect((await call("GET", "/api/v1/contacts", undefined, { cookie: viewer.cookie })).status).toBe(200);
		expect((await call("POST", "/api/v1/contacts", { email: "v@example.com" }, { cookie: viewer.cookie })).status).toBe(
			403,
		);
	});
});

describe("events", () => {
	it("records a batch, ignores a repeated idempotency key, and rejects unknown contacts without creating them", async () => {
		const { cookie, workspace } = await signupOwner();
		const c = await call("POST", "/api/v1/contacts", { email: "e@example.com" }, { cookie });
		const batch = [
			{ email: "E@example.com", name: "purchase", properties: { sku: "A1", amount: 20 }, idempotency_key: "order-1" },
			{ contact_id: c.json.id, name: "page_view", occurred_at: "2026-03-01T10:00:00Z" },
			{ email: "stranger@example.com", name: "purchase" },
			{ email: "broken", name: "purchase" },
		];
		const first = await call("POST", "/api/v1/events", { batch }, { cookie });
		expect(first.status).toBe(202);
		expect(first.json).toMatchObject({ accepted: 2, duplicates: 0 });
		expect(first.json.rejected.map((r: { index: number }) => r.index)).toEqual([2, 3]);
		expect(first.json.rejected[0].reason).toMatch(/unknown_contact/);

		const retry = await call(
			"POST",
			"/api/v1/events",
			{ email: "e@example.com", name: "purchase", idempotency_key: "order-1" },
			{ cookie },
		);
		expect(retry.json).toMatchObject({ accepted: 0, duplicates: 1 });
		const stranger = await env.DB.prepare(
			"SELECT count(*) AS n FROM contacts WHERE workspace_id = ? AND email = 'stranger@example.com'",
		)
			.bind(workspace.id)
			.first<{ n: number }>();
		expect(stranger?.n).toBe(0);
		const detail = await call("GET", `/api/v1/contacts/${c.json.id}`, undefined, { cookie });
		expect(detail.json.events.map((e: { name: string }) => e.name).sort()).toEqual(["page_view", "purchase"]);
	});

	it("refuses batches over 500 and events without a contact reference", async () => {
		const { cookie } = await signupOwner();
		const big = await call(
			"POST",
			"/api/v1/events",
			{ batch: Array.from({ length: 501 }, () => ({ email: "x@example.com", name: "n" })) },
			{ cookie },
		);
		expect(big.status).toBe(400);
		const none = await call("POST", "/api/v1/events", { name: "n" }, { cookie });
		expect(none.status).toBe(400);
	});
});
