import { describe, expect, it } from "vitest";
import { call, signupOwner } from "./client";

async function seed(cookie: string) {
	const people = [
		{ email: "a@example.com", attributes: { city: "Berlin", orders: 5 }, tags: ["vip"] },
		{ email: "b@example.com", attributes: { city: "Berlin", orders: 1 } },
		{ email: "c@example.com", attributes: { city: "Paris", orders: 9 }, tags: ["vip"] },
		{ email: "d@example.com", attributes: { city: "Berlin", orders: 7 }, status: "unsubscribed" },
	];
	for (const p of people) await call("POST", "/api/v1/contacts", p, { cookie });
	await call(
		"POST",
		"/api/v1/events",
		{
			batch: [
				{ email: "b@example.com", name: "purchase" },
				{ email: "c@example.com", name: "purchase" },
			],
		},
		{ cookie },
	);
}

const emailsOf = (list: { email: string }[]) => list.map((c) => c.email).sort();

describe("segments", () => {
	it("previews a rule tree with its count and a sample, without saving", async () => {
		const { cookie } = await signupOwner();
		await seed(cookie);
		const definition = {
			all: [
				{ attribute: "city", op: "eq", value: "Berlin" },
				{ any: [{ tag: "vip" }, { event: "purchase", count: { op: "gte", value: 1 }, within_days: 30 }] },
			],
		};
		const res = await call("POST", "/api/v1/segments/preview", { definition }, { cookie });
		expect(res.status).toBe(200);
		expect(res.json.count).toBe(2);
		expect(emailsOf(res.json.sample)).toEqual(["a@example.com", "b@example.com"]);
		expect((await call("GET", "/api/v1/segments", undefined, { cookie })).json.data).toEqual([]);
	});

	it("saves, counts, lists, renames, re-rules and deletes a segment, and filters contacts by it", async () => {
		const { cookie } = await signupOwner();
		await seed(cookie);
		const created = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Big spenders", definition: { all: [{ attribute: "orders", op: "gte", value: 5 }] } },
			{ cookie },
		);
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ name: "Big spenders", count: 3 });
		const id = created.json.id;
		const contacts = await call("GET", `/api/v1/contacts?segment_id=${id}&status=subscribed`, undefined, { cookie });
		expect(emailsOf(contacts.json.data)).toEqual(["a@example.com", "c@example.com"]);

		const patched = await call(
			"PATCH",
			`/api/v1/segments/${id}`,
			{ name: "Parisians", definition: { all: [{ attribute: "city", op: "eq", value: "Paris" }] } },
			{ cookie },
		);
		expect(patched.json).toMatchObject({ name: "Parisians", count: 1 });
		expect(
			(await call("GET", "/api/v1/segments", undefined, { cookie })).json.data.map((s: { name: string }) => s.name),
		).toEqual(["Parisians"]);
		expect((await call("DELETE", `/api/v1/segments/${id}`, undefined, { cookie })).status).toBe(200);
		expect((await call("GET", `/api/v1/segments/${id}`, undefined, { cookie })).status).toBe(404);
	});

	it("names the exact place of an unknown operator or rule in the tree", async () => {
		const { cookie } = await signupOwner();
		const badOp = await call(
			"POST",
			"/api/v1/segments/preview",
			{ definition: { all: [{ tag: "x" }, { attribute: "city", op: "equals", value: "Berlin" }] } },
			{ cookie },
		);
		expect(badOp.status).toBe(400);
		expect(badOp.error.issues[0].path).toBe("definition.all.1.op");
		expect(badOp.error.issues[0].message).toMatch(/Unknown operator "equals"/);
		const badRule = await call(
			"POST",
			"/api/v1/segments",
			{ name: "x", definition: { any: [{ colour: "red" }] } },
			{ cookie },
		);
		expect(badRule.status).toBe(400);
		expect(badRule.error.issues[0].path).toMatch(/^definition\.any\.0/);
		const notGroup = await call("POST", "/api/v1/segments/preview", { definition: { tag: "vip" } }, { cookie });
		expect(notGroup.status).toBe(400);
	});
});
