import { describe, expect, it } from "vitest";
import { addMember, call, createKey, signupOwner } from "./client";

const BUTTON = { id: "cta", type: "button", label: "Shop now", href: "https://shop.example" };
const SECTION = {
	id: "two",
	type: "section",
	columns: [
		{ id: "a", blocks: [{ id: "t", type: "text", text: "Left" }] },
		{ id: "b", blocks: [BUTTON] },
	],
};

describe("saved blocks", () => {
	it("saves, lists and deletes reusable blocks and sections", async () => {
		const { cookie } = await signupOwner("Saved");
		const editor = await addMember(cookie, "editor");
		const a = await call(
			"POST",
			"/api/v1/saved-blocks",
			{ name: "Shop button", block: BUTTON },
			{ cookie: editor.cookie },
		);
		expect(a.status).toBe(201);
		expect(a.json).toMatchObject({ name: "Shop button", block: BUTTON });
		const b = await call("POST", "/api/v1/saved-blocks", { name: "Two columns", block: SECTION }, { cookie });
		expect(b.status).toBe(201);
		const list = await call("GET", "/api/v1/saved-blocks", undefined, { cookie });
		expect(list.json.data.map((s: { name: string }) => s.name)).toEqual(["Two columns", "Shop button"]);
		expect(list.json.next_cursor).toBeNull();
		expect(
			(await call("DELETE", `/api/v1/saved-blocks/${a.json.id}`, undefined, { cookie: editor.cookie })).status,
		).toBe(200);
		expect((await call("DELETE", `/api/v1/saved-blocks/${a.json.id}`, undefined, { cookie })).status).toBe(404);
		expect((await call("GET", "/api/v1/saved-blocks", undefined, { cookie })).json.data).toHaveLength(1);
	});

	it("validates the block: unknown types, unsafe links and missing names are refused", async () => {
		const { cookie } = await signupOwner("Saved");
		const bad = [
			{ name: "x", block: { id: "q", type: "video", src: "https://x.example" } },
			{ name: "x", block: { ...BUTTON, href: "javascript:alert(1)" } },
			{ name: "", block: BUTTON },
		];
		for (const body of bad) expect((await call("POST", "/api/v1/saved-blocks", body, { cookie })).status).toBe(400);
		const text = { name: "x", block: { id: "t", type: "text", text: "[x](javascript:alert(1))" } };
		const refused = await call("POST", "/api/v1/saved-blocks", text, { cookie });
		expect(refused.status).toBe(422);
	});

	it("lets viewers read but not write, and keeps each workspace's blocks to itself", async () => {
		const ours = await signupOwner("Ours");
		const viewer = await addMember(ours.cookie, "viewer");
		const viewerKey = await createKey(ours.cookie, "viewer");
		const saved = await call("POST", "/api/v1/saved-blocks", { name: "Ours", block: BUTTON }, { cookie: ours.cookie });
		expect((await call("GET", "/api/v1/saved-blocks", undefined, { cookie: viewer.cookie })).json.data).toHaveLength(1);
		for (const as of [{ cookie: viewer.cookie }, { apiKey: viewerKey.key }]) {
			expect((await call("POST", "/api/v1/saved-blocks", { name: "V", block: BUTTON }, as)).status).toBe(403);
			expect((await call("DELETE", `/api/v1/saved-blocks/${saved.json.id}`, undefined, as)).status).toBe(403);
		}
		const theirs = await signupOwner("Theirs");
		expect((await call("GET", "/api/v1/saved-blocks", undefined, { cookie: theirs.cookie })).json.data).toEqual([]);
		expect(
			(await call("DELETE", `/api/v1/saved-blocks/${saved.json.id}`, undefined, { cookie: theirs.cookie })).status,
		).toBe(404);
		expect((await call("GET", "/api/v1/saved-blocks", undefined, { cookie: ours.cookie })).json.data).toHaveLength(1);
	});
});
