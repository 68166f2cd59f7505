import { describe, expect, it } from "vitest";
import type { SegmentDefinition } from "../worker/contracts/segments";
import { call, env, signupOwner, uniqueEmail } from "./client";

const purchases = (op: string, value: number, within_days?: number): SegmentDefinition => ({
	all: [{ event: "purchase", count: { op, value }, ...(within_days ? { within_days } : {}) } as never],
});

async function previewCount(cookie: string, definition: SegmentDefinition) {
	const res = await call("POST", "/api/v1/segments/preview", { definition }, { cookie });
	expect(res.status).toBe(200);
	return res.json.count as number;
}

const rollupsOf = (contactId: string) =>
	env.DB.prepare("SELECT name, total FROM event_rollups WHERE contact_id = ?").bind(contactId).all();

describe("event rollups (what 'did X' segment rules read)", () => {
	it("count each stored event once, ignore an idempotent repeat, follow the latest time, and go with an erased contact", async () => {
		const { cookie } = await signupOwner();
		const email = uniqueEmail("buyer");
		const created = await call("POST", "/api/v1/contacts", { email }, { cookie });
		const contactId = created.json.id as string;
		await call("POST", "/api/v1/contacts", { email: uniqueEmail("idle") }, { cookie });
		const long = new Date(Date.now() - 60 * 86_400_000).toISOString();
		const event = (key: string, occurred_at?: string) => ({
			email,
			name: "purchase",
			idempotency_key: key,
			occurred_at,
		});
		const sent = await call("POST", "/api/v1/events", { batch: [event("a", long), event("b", long)] }, { cookie });
		expect(sent.status).toBe(202);
		// The rollup rows the trigger writes are not counted as events stored.
		expect(sent.json).toMatchObject({ accepted: 2, duplicates: 0 });
		// The same key again is not a third purchase.
		const repeated = await call("POST", "/api/v1/events", event("b", long), { cookie });
		expect(repeated.json).toMatchObject({ accepted: 0, duplicates: 1 });

		expect(await previewCount(cookie, purchases("eq", 2))).toBe(1);
		expect(await previewCount(cookie, purchases("gte", 3))).toBe(0);
		expect(await previewCount(cookie, purchases("lt", 2))).toBe(1); // the idle contact
		expect(await previewCount(cookie, purchases("gte", 1, 30))).toBe(0); // both were 60 days ago
		expect(await previewCount(cookie, purchases("eq", 0, 30))).toBe(2);

		await call("POST", "/api/v1/events", event("c"), { cookie }); // now
		expect(await previewCount(cookie, purchases("gte", 1, 30))).toBe(1);
		expect(await previewCount(cookie, purchases("eq", 0, 30))).toBe(1);
		expect(await previewCount(cookie, purchases("eq", 3))).toBe(1);

		expect((await rollupsOf(contactId)).results).toEqual([{ name: "purchase", total: 3 }]);
		expect((await call("DELETE", `/api/v1/contacts/${contactId}`, undefined, { cookie })).status).toBeLessThan(300);
		expect((await rollupsOf(contactId)).results).toEqual([]);
		expect(await previewCount(cookie, purchases("gte", 1))).toBe(0);
	});
});
