import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, inject, it } from "vitest";

const DOCUMENTED_ROUTES = [
	"post /api/v1/auth/signup",
	"post /mcp",
	"post /api/v1/auth/login",
	"post /api/v1/auth/logout",
	"post /api/v1/auth/accept-invite",
	"post /api/v1/auth/switch-workspace",
	"get /api/v1/me",
	"patch /api/v1/workspace",
	"get /api/v1/audit-log",
	"get /api/v1/api-keys",
	"post /api/v1/api-keys",
	"delete /api/v1/api-keys/{id}",
	"get /api/v1/members",
	"post /api/v1/members",
	"patch /api/v1/members/{id}",
	"delete /api/v1/members/{id}",
	"get /api/v1/contacts",
	"post /api/v1/contacts",
	"get /api/v1/contacts/{id}",
	"patch /api/v1/contacts/{id}",
	"delete /api/v1/contacts/{id}",
	"post /api/v1/contacts/import",
	"get /api/v1/imports",
	"get /api/v1/imports/{id}",
	"get /api/v1/imports/{id}/errors.csv",
	"post /api/v1/events",
	"get /api/v1/segments",
	"post /api/v1/segments",
	"post /api/v1/segments/preview",
	"get /api/v1/segments/fields",
	"get /api/v1/segments/{id}",
	"patch /api/v1/segments/{id}",
	"delete /api/v1/segments/{id}",
	"get /api/v1/templates",
	"get /api/v1/templates/starters",
	"get /api/v1/saved-blocks",
	"post /api/v1/saved-blocks",
	"delete /api/v1/saved-blocks/{id}",
	"post /api/v1/templates",
	"post /api/v1/templates/render",
	"get /api/v1/templates/{id}",
	"patch /api/v1/templates/{id}",
	"delete /api/v1/templates/{id}",
	"post /api/v1/templates/{id}/preview",
	"post /api/v1/templates/{id}/test-send",
	"get /api/v1/outbox",
	"get /api/v1/outbox/{id}",
	"get /api/v1/assistant",
	"get /api/v1/assistant/conversations",
	"post /api/v1/assistant/conversations",
	"get /api/v1/assistant/conversations/{id}",
	"delete /api/v1/assistant/conversations/{id}",
	"post /api/v1/assistant/chat",
	"get /api/v1/campaigns",
	"post /api/v1/campaigns",
	"get /api/v1/campaigns/{id}",
	"patch /api/v1/campaigns/{id}",
	"delete /api/v1/campaigns/{id}",
	"post /api/v1/campaigns/{id}/schedule",
	"post /api/v1/campaigns/{id}/send",
	"post /api/v1/campaigns/{id}/pause",
	"post /api/v1/campaigns/{id}/resume",
	"post /api/v1/campaigns/{id}/cancel",
	"get /api/v1/campaigns/{id}/audience",
	"get /api/v1/audience",
	"get /api/v1/overview",
	"get /api/v1/campaigns/{id}/stats",
	"get /api/v1/campaigns/{id}/messages",
	"post /api/v1/campaigns/{id}/live-token",
	"get /api/v1/campaigns/{id}/ab",
	"post /api/v1/campaigns/{id}/ab/winner",
	"get /api/v1/sending-domains",
	"post /api/v1/sending-domains",
	"post /api/v1/sending-domains/{id}/verify",
	"delete /api/v1/sending-domains/{id}",
	"get /api/v1/workspace/provider",
	"put /api/v1/workspace/provider",
	"delete /api/v1/workspace/provider",
	"get /api/v1/topics",
	"post /api/v1/topics",
	"patch /api/v1/topics/{id}",
	"delete /api/v1/topics/{id}",
	"get /api/v1/contacts/{id}/timeline",
	"get /api/v1/campaigns/compare",
	"get /api/v1/campaigns/{id}/messages.csv",
	"get /api/v1/campaigns/{id}/timeline",
	"get /api/v1/conversion-goal",
	"put /api/v1/conversion-goal",
	"delete /api/v1/conversion-goal",
	"get /api/v1/conversions",
	"get /api/v1/campaigns/{id}/conversions",
	"get /api/v1/journeys",
	"post /api/v1/journeys",
	"get /api/v1/journeys/{id}",
	"patch /api/v1/journeys/{id}",
	"delete /api/v1/journeys/{id}",
	"post /api/v1/journeys/{id}/activate",
	"post /api/v1/journeys/{id}/pause",
	"post /api/v1/journeys/{id}/resume",
	"post /api/v1/journeys/{id}/archive",
	"get /api/v1/notifications",
	"post /api/v1/notifications/read",
	"get /api/v1/notification-preferences",
	"put /api/v1/notification-preferences",
	"get /api/v1/notification-settings",
	"put /api/v1/notification-settings",
	"get /api/v1/approval-policy",
	"put /api/v1/approval-policy",
	"get /api/v1/campaigns/{id}/approval",
	"post /api/v1/campaigns/{id}/approval/request",
	"post /api/v1/campaigns/{id}/approval/decide",
	"get /api/v1/campaigns/{id}/comments",
	"post /api/v1/campaigns/{id}/comments",
	"get /api/v1/journeys/{id}/approval",
	"post /api/v1/journeys/{id}/approval/request",
	"post /api/v1/journeys/{id}/approval/decide",
	"get /api/v1/journeys/{id}/comments",
	"post /api/v1/journeys/{id}/comments",
	"post /api/v1/campaigns/{id}/clone",
	"post /api/v1/campaigns/{id}/save-as-template",
	"post /api/v1/templates/{id}/clone",
	"post /api/v1/segments/{id}/clone",
	"post /api/v1/journeys/{id}/clone",
	"post /api/v1/bulk",
	"get /api/v1/search",
	"get /api/v1/saved-searches",
	"post /api/v1/saved-searches",
	"delete /api/v1/saved-searches/{id}",
	"get /api/v1/webhook-endpoints",
	"post /api/v1/webhook-endpoints",
	"patch /api/v1/webhook-endpoints/{id}",
	"delete /api/v1/webhook-endpoints/{id}",
	"post /api/v1/webhook-endpoints/{id}/rotate-secret",
	"get /api/v1/webhook-endpoints/{id}/deliveries",
	"post /api/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/replay",
];

describe("OpenAPI document", () => {
	it("is a valid OpenAPI 3.1 document generated from the routes' schemas, listing every route", async () => {
		const res = await fetch(`${inject("baseUrl")}/api/openapi.json`);
		expect(res.status).toBe(200);
		const doc = await res.json();
		const validator = new Validator();
		const result = await validator.validate(doc);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe("3.1");

		const listed = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
			Object.keys(ops).map((method) => `${method} ${path}`),
		);
		expect(listed.sort()).toEqual([...DOCUMENTED_ROUTES].sort());
		const signup = doc.paths["/api/v1/auth/signup"].post;
		expect(signup.requestBody.content["application/json"].schema).toBeTruthy();
		expect(doc.components.schemas.Error).toBeTruthy();
	});

	it("serves a readable reference page at /api/docs, offline", async () => {
		const res = await fetch(`${inject("baseUrl")}/api/docs`);
		expect(res.headers.get("content-type")).toMatch(/text\/html/);
		const page = await res.text();
		for (const route of DOCUMENTED_ROUTES) expect(page).toContain(route.split(" ")[1]);
		expect(page).not.toMatch(/<script[^>]+src=/);
	});
});
