import { describe, expect, inject, it } from "vitest";
import { DEMO_CONTACTS, seedDemoData } from "../scripts/demo-data.mjs";
import { apiSession } from "./api-session";

const baseUrl = inject("baseUrl");

describe("the demo workspace `npm start` seeds", () => {
	it("holds contacts in several countries with purchases, a template and a segment with its count", async () => {
		const api = await apiSession(baseUrl, { id: Date.now().toString(36), name: "Demo Seed", ip: "198.51.100.44" });
		await seedDemoData(async (method, route, body) => {
			const response = await api.request(method, route, body);
			expect(response.status, `${method} ${route}`).toBeLessThan(300);
			return response;
		});
		const contacts = await api.json<{ data: { attributes: { country: string } }[] }>(
			"GET",
			"/api/v1/contacts?limit=500",
		);
		expect(contacts.data).toHaveLength(DEMO_CONTACTS);
		expect(new Set(contacts.data.map((c) => c.attributes.country)).size).toBeGreaterThanOrEqual(5);
		const segments = await api.json<{ data: { name: string; count: number }[] }>("GET", "/api/v1/segments");
		expect(segments.data).toEqual([expect.objectContaining({ name: "Subscribers in Germany", count: 20 })]);
		const templates = await api.json<{ data: { name: string }[] }>("GET", "/api/v1/templates");
		expect(templates.data.map((t) => t.name)).toEqual(["Monthly newsletter"]);
		const buyers = await api.json<{ count: number }>("POST", "/api/v1/segments/preview", {
			definition: { all: [{ event: "purchase", count: { op: "gte", value: 1 } }] },
		});
		expect(buyers.count).toBe(20);
	});
});
