import { beforeAll, describe, expect, it } from "vitest";
import { addMember, type Caller, call, createKey, signupOwner, uniqueEmail } from "./client";
import { importCsv } from "./import-helpers";

type Fixture = Awaited<ReturnType<typeof setup>>;

/** Two workspaces: "ours" (owner + viewer + keys) and "theirs" (owner + an admin key). */
async function setup() {
	const ours = await signupOwner("Ours");
	const viewer = await addMember(ours.cookie, "viewer");
	const editor = await addMember(ours.cookie, "editor");
	const theirs = await signupOwner("Theirs");
	const theirKey = await createKey(theirs.cookie, "owner");
	const ourKey = await createKey(ours.cookie, "viewer");
	const ingestKey = await createKey(ours.cookie, "ingest");
	const contact = await call(
		"POST",
		"/api/v1/contacts",
		{ email: "secret@ours.example", first_name: "Secret" },
		{ cookie: ours.cookie },
	);
	const segment = await call(
		"POST",
		"/api/v1/segments",
		{ name: "Ours", definition: { all: [{ tag: "vip" }] } },
		{ cookie: ours.cookie },
	);
	const started = await importCsv(ours.cookie, "email\nimported@ours.example\n");
	await call("PATCH", "/api/v1/workspace", { default_from_email: "a@ours.example" }, { cookie: ours.cookie });
	const template = await call("POST", "/api/v1/templates", TEMPLATE, { cookie: ours.cookie });
	if (template.status !== 201) throw new Error(template.text);
	await call(
		"POST",
		`/api/v1/templates/${template.json.id}/test-send`,
		{ to: ["qa@ours.example"] },
		{ cookie: ours.cookie },
	);
	const outbox = await call("GET", "/api/v1/outbox", undefined, { cookie: ours.cookie });
	const savedBlock = await call("POST", "/api/v1/saved-blocks", SAVED_BLOCK, { cookie: ours.cookie });
	const campaign = await call(
		"POST",
		"/api/v1/campaigns",
		{ name: "Ours", template_id: template.json.id },
		{ cookie: ours.cookie },
	);
	const conversation = await call("POST", "/api/v1/assistant/conversations", {}, { cookie: ours.cookie });
	const domain = await call("POST", "/api/v1/sending-domains", { domain: "ours.example" }, { cookie: ours.cookie });
	if (domain.status !== 201) throw new Error(domain.text);
	const topic = await call("POST", "/api/v1/topics", { name: "Ours" }, { cookie: ours.cookie });
	const list = await call("POST", "/api/v1/lists", { name: "Ours" }, { cookie: ours.cookie });
	if (list.status !== 201) throw new Error(list.text);
	const journey = await call("POST", "/api/v1/journeys", JOURNEY, { cookie: ours.cookie });
	const webhook = await call("POST", "/api/v1/webhook-endpoints", WEBHOOK, { cookie: ours.cookie });
	if (webhook.status !== 201) throw new Error(webhook.text);
	const alertRule = await call("POST", "/api/v1/alert-rules", ALERT_RULE, { cookie: ours.cookie });
	if (alertRule.status !== 201) throw new Error(alertRule.text);
	const signupForm = await call("POST", "/api/v1/signup-forms", SIGNUP_FORM, { cookie: ours.cookie });
	if (signupForm.status !== 201) throw new Error(signupForm.text);
	const shop = await call("POST", "/api/v1/integrations/shopify", SHOP, { cookie: ours.cookie });
	if (shop.status !== 201) throw new Error(shop.text);
	return {
		ours,
		viewer,
		editor,
		theirs,
		theirKey,
		ourKey,
		ingestKey,
		contactId: contact.json.id as string,
		segmentId: segment.json.id as string,
		importId: started.result.id as string,
		templateId: template.json.id as string,
		savedBlockId: savedBlock.json.id as string,
		outboxId: outbox.json.data[0].id as string,
		campaignId: campaign.json.id as string,
		conversationId: conversation.json.id as string,
		domainId: domain.json.id as string,
		topicId: topic.json.id as string,
		listId: list.json.id as string,
		journeyId: journey.json.id as string,
		webhookId: webhook.json.id as string,
		alertRuleId: alertRule.json.id as string,
		signupFormId: signupForm.json.id as string,
		shopId: shop.json.id as string,
	};
}

/** Every route of the foundation, with a body that would succeed for a permitted caller. */
const ROUTES = (f: Fixture) => [
	{ method: "GET", path: "/api/v1/me", minRole: "viewer" },
	{ method: "POST", path: "/mcp", body: { jsonrpc: "2.0", id: 1, method: "tools/list" }, minRole: "read" },
	{ method: "POST", path: "/v1/identify", body: { userId: "a@ours.example" }, minRole: "ingest" },
	{ method: "POST", path: "/v1/track", body: { userId: "a@ours.example", event: "x" }, minRole: "ingest" },
	{ method: "POST", path: "/v1/batch", body: { batch: [] }, minRole: "ingest" },
	{ method: "PATCH", path: "/api/v1/workspace", body: { name: "Changed" }, minRole: "admin" },
	{ method: "GET", path: "/api/v1/audit-log", minRole: "admin" },
	{ method: "GET", path: "/api/v1/api-keys", minRole: "admin" },
	{ method: "POST", path: "/api/v1/api-keys", body: { name: "k", role: "viewer" }, minRole: "admin" },
	{ method: "DELETE", path: `/api/v1/api-keys/${f.ourKey.id}`, minRole: "admin" },
	{ method: "GET", path: "/api/v1/members", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/members", body: { email: uniqueEmail(), role: "viewer" }, minRole: "admin" },
	{ method: "PATCH", path: `/api/v1/members/${f.editor.memberId}`, body: { role: "viewer" }, minRole: "admin" },
	{ method: "DELETE", path: `/api/v1/members/${f.editor.memberId}`, minRole: "admin" },
	{ method: "POST", path: "/api/v1/auth/logout", minRole: "self" },
	{ method: "POST", path: "/api/v1/auth/accept-invite", body: { token: "x".repeat(20) }, minRole: "self" },
	{ method: "POST", path: "/api/v1/auth/switch-workspace", body: { workspace_id: "ws_x" }, minRole: "self" },
	{ method: "GET", path: "/api/v1/contacts", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/contacts", body: { email: uniqueEmail() }, minRole: "editor" },
	{ method: "GET", path: `/api/v1/contacts/${f.contactId}`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/contacts/${f.contactId}/timeline`, minRole: "viewer" },
	{ method: "GET", path: "/api/v1/contacts.csv", minRole: "viewer" },
	{ method: "GET", path: `/api/v1/segments/${f.segmentId}/contacts.csv`, minRole: "viewer" },
	{ method: "PATCH", path: `/api/v1/contacts/${f.contactId}`, body: { first_name: "X" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/contacts/${f.contactId}`, minRole: "editor" },
	{ method: "POST", path: "/api/v1/events", body: { email: "secret@ours.example", name: "x" }, minRole: "editor" },
	{ method: "POST", path: "/api/v1/contacts/import", body: "email\nx@y.co\n", minRole: "editor" },
	{ method: "GET", path: "/api/v1/imports", minRole: "viewer" },
	{ method: "GET", path: `/api/v1/imports/${f.importId}`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/imports/${f.importId}/errors.csv`, minRole: "viewer" },
	{ method: "GET", path: "/api/v1/segments", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/segments", body: { name: "s", definition: { all: [] } }, minRole: "editor" },
	{ method: "POST", path: "/api/v1/segments/preview", body: { definition: { all: [] } }, minRole: "read" },
	{ method: "GET", path: "/api/v1/segments/fields", minRole: "viewer" },
	{ method: "GET", path: `/api/v1/segments/${f.segmentId}`, minRole: "viewer" },
	{ method: "PATCH", path: `/api/v1/segments/${f.segmentId}`, body: { name: "t" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/segments/${f.segmentId}`, minRole: "editor" },
	{ method: "GET", path: "/api/v1/templates", minRole: "viewer" },
	{ method: "GET", path: "/api/v1/templates/starters", minRole: "viewer" },
	{ method: "GET", path: "/api/v1/templates/categories", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/templates", body: TEMPLATE, minRole: "editor" },
	{ method: "POST", path: "/api/v1/templates/render", body: { template: SOURCE }, minRole: "read" },
	{ method: "GET", path: `/api/v1/templates/${f.templateId}`, minRole: "viewer" },
	{ method: "PATCH", path: `/api/v1/templates/${f.templateId}`, body: { name: "t" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/templates/${f.templateId}`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/templates/${f.templateId}/preview`, body: {}, minRole: "read" },
	{
		method: "POST",
		path: `/api/v1/templates/${f.templateId}/test-send`,
		body: { to: ["a@example.com"] },
		minRole: "editor",
	},
	{ method: "GET", path: "/api/v1/saved-blocks", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/saved-blocks", body: SAVED_BLOCK, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/saved-blocks/${f.savedBlockId}`, minRole: "editor" },
	{ method: "GET", path: "/api/v1/outbox", minRole: "viewer" },
	{ method: "GET", path: `/api/v1/outbox/${f.outboxId}`, minRole: "viewer" },
	{ method: "GET", path: "/api/v1/campaigns", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/campaigns", body: { name: "c", template_id: f.templateId }, minRole: "editor" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}`, minRole: "viewer" },
	{ method: "PATCH", path: `/api/v1/campaigns/${f.campaignId}`, body: { name: "x" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/campaigns/${f.campaignId}`, minRole: "editor" },
	{
		method: "POST",
		path: `/api/v1/campaigns/${f.campaignId}/schedule`,
		body: { send_at: "2099-01-01T00:00:00Z" },
		minRole: "editor",
	},
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/send`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/pause`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/resume`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/cancel`, minRole: "editor" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/audience`, minRole: "viewer" },
	{ method: "GET", path: "/api/v1/audience", minRole: "viewer" },
	{ method: "GET", path: "/api/v1/overview", minRole: "viewer" },
	{ method: "GET", path: "/api/v1/journeys", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/journeys", body: JOURNEY, minRole: "editor" },
	{ method: "GET", path: `/api/v1/journeys/${f.journeyId}`, minRole: "viewer" },
	{ method: "PATCH", path: `/api/v1/journeys/${f.journeyId}`, body: { name: "J2" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/journeys/${f.journeyId}`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/activate`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/pause`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/resume`, minRole: "editor" },
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/archive`, minRole: "editor" },
	{
		method: "POST",
		path: `/api/v1/journeys/${f.journeyId}/enroll`,
		body: { contact_id: f.contactId },
		minRole: "editor",
	},
	{ method: "GET", path: `/api/v1/journeys/${f.journeyId}/stats`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/journeys/${f.journeyId}/enrollments`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/contacts/${f.contactId}/journeys`, minRole: "viewer" },
	{ method: "GET", path: "/api/v1/conversion-goal", minRole: "viewer" },
	{ method: "PUT", path: "/api/v1/conversion-goal", body: { event: "purchase" }, minRole: "admin" },
	{ method: "DELETE", path: "/api/v1/conversion-goal", minRole: "admin" },
	{ method: "GET", path: "/api/v1/conversions", minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/conversions`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/stats`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/messages`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/messages.csv`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/timeline`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/compare?ids=${f.campaignId},${f.campaignId}`, minRole: "viewer" },
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/live-token`, minRole: "read" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/ab`, minRole: "viewer" },
	{
		method: "POST",
		path: `/api/v1/campaigns/${f.campaignId}/ab/winner`,
		body: { variant_id: "var_x" },
		minRole: "editor",
	},
	{ method: "GET", path: "/api/v1/sending-domains", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/sending-domains", body: { domain: "news.ours.example" }, minRole: "admin" },
	{ method: "POST", path: `/api/v1/sending-domains/${f.domainId}/verify`, minRole: "admin" },
	{ method: "DELETE", path: `/api/v1/sending-domains/${f.domainId}`, minRole: "admin" },
	{ method: "GET", path: "/api/v1/workspace/provider", minRole: "viewer" },
	{ method: "PUT", path: "/api/v1/workspace/provider", body: { resend_api_key: "re_12345678" }, minRole: "owner" },
	{ method: "DELETE", path: "/api/v1/workspace/provider", minRole: "owner" },
	{ method: "GET", path: "/api/v1/topics", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/topics", body: { name: "New" }, minRole: "editor" },
	{ method: "PATCH", path: `/api/v1/topics/${f.topicId}`, body: { name: "Renamed" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/topics/${f.topicId}`, minRole: "editor" },
	{ method: "GET", path: "/api/v1/lists", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/lists", body: { name: "New" }, minRole: "editor" },
	{ method: "GET", path: `/api/v1/lists/${f.listId}`, minRole: "viewer" },
	{ method: "PATCH", path: `/api/v1/lists/${f.listId}`, body: { name: "Renamed" }, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/lists/${f.listId}`, minRole: "editor" },
	{
		method: "POST",
		path: `/api/v1/lists/${f.listId}/members`,
		body: { contact_ids: [f.contactId] },
		minRole: "editor",
	},
	{
		method: "DELETE",
		path: `/api/v1/lists/${f.listId}/members`,
		body: { contact_ids: [f.contactId] },
		minRole: "editor",
	},
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/clone`, body: {}, minRole: "editor" },
	{
		method: "POST",
		path: `/api/v1/campaigns/${f.campaignId}/save-as-template`,
		body: { name: "Saved" },
		minRole: "editor",
	},
	{ method: "POST", path: `/api/v1/templates/${f.templateId}/clone`, body: {}, minRole: "editor" },
	{ method: "POST", path: `/api/v1/segments/${f.segmentId}/clone`, body: {}, minRole: "editor" },
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/clone`, body: {}, minRole: "editor" },
	{
		method: "POST",
		path: "/api/v1/bulk",
		body: { resource: "templates", action: "archive", ids: [f.templateId] },
		minRole: "editor",
	},
	{ method: "GET", path: "/api/v1/search?q=ours", minRole: "viewer" },
	{ method: "GET", path: "/api/v1/saved-searches", minRole: "self" },
	{ method: "POST", path: "/api/v1/saved-searches", body: { name: "S", query: { q: "x" } }, minRole: "self" },
	// A saved search is the caller's own: any id answers 401 without credentials, 404 for anyone else.
	{ method: "DELETE", path: "/api/v1/saved-searches/:id", minRole: "self" },
	{ method: "GET", path: "/api/v1/health/detail", minRole: "admin" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/milestones`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/readiness`, minRole: "viewer" },
	{
		method: "POST",
		path: `/api/v1/campaigns/${f.campaignId}/tasks`,
		body: { milestone: "send", title: "T" },
		minRole: "editor",
	},
	// Any task id answers 401 without credentials and 403 to a viewer; another workspace gets 404 (test/planning).
	{ method: "PATCH", path: "/api/v1/tasks/:id", body: { done: true }, minRole: "editor" },
	{ method: "DELETE", path: "/api/v1/tasks/:id", minRole: "editor" },
	{ method: "GET", path: "/api/v1/calendar?from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z", minRole: "viewer" },
	{ method: "GET", path: "/api/v1/alert-rules", minRole: "admin" },
	{ method: "POST", path: "/api/v1/alert-rules", body: ALERT_RULE, minRole: "admin" },
	{ method: "PATCH", path: `/api/v1/alert-rules/${f.alertRuleId}`, body: { threshold: 3 }, minRole: "admin" },
	{ method: "DELETE", path: `/api/v1/alert-rules/${f.alertRuleId}`, minRole: "admin" },
	{ method: "GET", path: "/api/v1/notifications", minRole: "self" },
	{ method: "POST", path: "/api/v1/notifications/read", body: {}, minRole: "self" },
	{ method: "GET", path: "/api/v1/notification-preferences", minRole: "self" },
	{ method: "PUT", path: "/api/v1/notification-preferences", body: { daily_digest: false }, minRole: "self" },
	{ method: "GET", path: "/api/v1/notification-settings", minRole: "admin" },
	{ method: "PUT", path: "/api/v1/notification-settings", body: { slack_webhook_url: null }, minRole: "admin" },
	{ method: "GET", path: "/api/v1/approval-policy", minRole: "viewer" },
	{ method: "PUT", path: "/api/v1/approval-policy", body: { stages: [] }, minRole: "admin" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/approval`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/campaigns/${f.campaignId}/comments`, minRole: "viewer" },
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/comments`, body: { body: "Hi" }, minRole: "editor" },
	{ method: "GET", path: `/api/v1/journeys/${f.journeyId}/approval`, minRole: "viewer" },
	{ method: "GET", path: `/api/v1/journeys/${f.journeyId}/comments`, minRole: "viewer" },
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/comments`, body: { body: "Hi" }, minRole: "editor" },
	// No policy in this workspace: a permitted caller gets 409 (nothing to review), a viewer 403.
	{ method: "POST", path: `/api/v1/campaigns/${f.campaignId}/approval/request`, minRole: "editor" },
	{
		method: "POST",
		path: `/api/v1/campaigns/${f.campaignId}/approval/decide`,
		body: { decision: "approve" },
		minRole: "editor",
	},
	{ method: "POST", path: `/api/v1/journeys/${f.journeyId}/approval/request`, minRole: "editor" },
	{
		method: "POST",
		path: `/api/v1/journeys/${f.journeyId}/approval/decide`,
		body: { decision: "approve" },
		minRole: "editor",
	},
	{ method: "GET", path: "/api/v1/webhook-endpoints", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/webhook-endpoints", body: WEBHOOK, minRole: "admin" },
	{ method: "PATCH", path: `/api/v1/webhook-endpoints/${f.webhookId}`, body: { enabled: false }, minRole: "admin" },
	{ method: "POST", path: `/api/v1/webhook-endpoints/${f.webhookId}/rotate-secret`, body: {}, minRole: "admin" },
	{ method: "GET", path: `/api/v1/webhook-endpoints/${f.webhookId}/deliveries`, minRole: "viewer" },
	{
		method: "POST",
		path: `/api/v1/webhook-endpoints/${f.webhookId}/deliveries/${NO_DELIVERY}/replay`,
		minRole: "admin",
	},
	{ method: "DELETE", path: `/api/v1/webhook-endpoints/${f.webhookId}`, minRole: "admin" },
	{ method: "GET", path: "/api/v1/signup-forms", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/signup-forms", body: SIGNUP_FORM, minRole: "editor" },
	{ method: "DELETE", path: `/api/v1/signup-forms/${f.signupFormId}`, minRole: "editor" },
	{ method: "GET", path: "/api/v1/integrations/shopify", minRole: "viewer" },
	{ method: "POST", path: "/api/v1/integrations/shopify", body: SHOP, minRole: "admin" },
	{ method: "DELETE", path: `/api/v1/integrations/shopify/${f.shopId}`, minRole: "admin" },
	{ method: "GET", path: "/api/v1/assistant", minRole: "self" },
	{ method: "GET", path: "/api/v1/assistant/conversations", minRole: "self" },
	{ method: "POST", path: "/api/v1/assistant/conversations", body: {}, minRole: "self" },
	{ method: "GET", path: `/api/v1/assistant/conversations/${f.conversationId}`, minRole: "self" },
	{ method: "DELETE", path: `/api/v1/assistant/conversations/${f.conversationId}`, minRole: "self" },
	{
		method: "POST",
		path: "/api/v1/assistant/chat",
		body: {
			conversation_id: f.conversationId,
			message: { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] },
		},
		minRole: "self",
	},
];
const SOURCE = { subject: "S", html: "<p>secret template</p>" };
const TEMPLATE = { name: "T", ...SOURCE };
const JOURNEY = {
	name: "J",
	definition: { entry: { type: "api" }, start: "end", nodes: { end: { type: "exit" } } },
};
const SAVED_BLOCK = { name: "B", block: { id: "b", type: "text", text: "secret block" } };
// Subscribed to an event nothing in this file emits: no delivery is attempted.
const WEBHOOK = { url: "https://hooks.ours.example/pulse", events: ["journey.exited"] };
const ALERT_RULE = { name: "Dead letters", metric: "dead_letters", threshold: 5 };
const SIGNUP_FORM = { name: "Footer", consent_text: "Send me the newsletter." };
const SHOP = { shop_domain: "ours.myshopify.com", webhook_secret: "shpss_ours_secret" };
const NO_DELIVERY = "msg_0000000000000000000000";
const PUBLIC_ROUTES = ["POST /api/v1/auth/signup", "POST /api/v1/auth/login"];

// Each case walks every route (about 200): minutes on a loaded machine, so the cases get more than the default.
describe("access control on every route", { timeout: 180_000 }, () => {
	let f: Fixture;
	beforeAll(async () => {
		f = await setup();
	});

	it("covers every route the API documents", async () => {
		const doc = await call("GET", "/api/openapi.json");
		const documented = Object.entries(doc.json.paths as Record<string, Record<string, unknown>>).flatMap(
			([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{id\}/, ":id")}`),
		);
		const tested = [
			...ROUTES(f).map(
				(r) =>
					`${r.method} ${(r.path.split("?")[0] ?? "").replace(/\/(key|mem|ctc|seg|imp|tpl|out|cmp|cnv|sdm|sbk|top|lst|jny|whe|alr|frm|shp)_\w+/, "/:id").replace(/\/msg_\w+/, "/{delivery_id}")}`,
			),
			...PUBLIC_ROUTES,
		];
		expect(new Set(documented)).toEqual(new Set(tested));
	});

	it("refuses an ingest key everything but sending contacts and events", async () => {
		for (const route of ROUTES(f).filter((r) => r.minRole !== "ingest")) {
			const res = await call(route.method, route.path, route.body, { apiKey: f.ingestKey.key });
			expect(res.status, `${route.method} ${route.path}`).toBe(403);
		}
		const ingested = await call(
			"POST",
			"/v1/track",
			{ userId: "secret@ours.example", event: "x" },
			{ apiKey: f.ingestKey.key },
		);
		expect(ingested.status).toBe(200);
	});

	it("answers 401 to every protected route without credentials", async () => {
		for (const route of ROUTES(f)) {
			const res = await call(route.method, route.path, route.body);
			expect(res.status, `${route.method} ${route.path}`).toBe(401);
			expect(res.error.code).toBe("unauthorized");
		}
	});

	it("refuses a viewer every write, with a session or an API key", async () => {
		const callers: Caller[] = [{ cookie: f.viewer.cookie }, { apiKey: f.ourKey.key }];
		for (const as of callers) {
			for (const route of ROUTES(f).filter(
				(r) => r.method !== "GET" && !["self", "read", "viewer"].includes(r.minRole),
			)) {
				const res = await call(route.method, route.path, route.body, as);
				expect(res.status, `${route.method} ${route.path}`).toBe(403);
			}
		}
	});

	it("refuses an editor the admin routes", async () => {
		for (const route of ROUTES(f).filter((r) => r.minRole === "admin" || r.minRole === "owner")) {
			const res = await call(route.method, route.path, route.body, { cookie: f.editor.cookie });
			expect(res.status, `${route.method} ${route.path}`).toBe(403);
		}
	});

	it("never lets another workspace's owner session or key read or change our data", async () => {
		for (const as of [{ cookie: f.theirs.cookie }, { apiKey: f.theirKey.key }] as Caller[]) {
			const keys = await call("GET", "/api/v1/api-keys", undefined, as);
			expect(keys.text).not.toContain(f.ourKey.id);
			const members = await call("GET", "/api/v1/members", undefined, as);
			expect(members.text).not.toContain(f.ours.email);
			const log = await call("GET", "/api/v1/audit-log", undefined, as);
			expect(log.text).not.toContain(f.ours.workspace.id);
			expect((await call("DELETE", `/api/v1/api-keys/${f.ourKey.id}`, undefined, as)).status).toBe(404);
			expect((await call("PATCH", `/api/v1/members/${f.editor.memberId}`, { role: "admin" }, as)).status).toBe(404);
			expect((await call("DELETE", `/api/v1/members/${f.editor.memberId}`, undefined, as)).status).toBe(404);
			for (const path of [
				`/api/v1/contacts/${f.contactId}`,
				`/api/v1/segments/${f.segmentId}`,
				`/api/v1/imports/${f.importId}`,
				`/api/v1/imports/${f.importId}/errors.csv`,
			]) {
				expect((await call("GET", path, undefined, as)).status, path).toBe(404);
			}
			expect((await call("PATCH", `/api/v1/contacts/${f.contactId}`, { first_name: "Pwned" }, as)).status).toBe(404);
			expect((await call("DELETE", `/api/v1/contacts/${f.contactId}`, undefined, as)).status).toBe(404);
			expect((await call("PATCH", `/api/v1/segments/${f.segmentId}`, { name: "Pwned" }, as)).status).toBe(404);
			expect((await call("DELETE", `/api/v1/segments/${f.segmentId}`, undefined, as)).status).toBe(404);
			expect((await call("GET", `/api/v1/contacts?segment_id=${f.segmentId}`, undefined, as)).status).toBe(404);
			const list = `/api/v1/lists/${f.listId}`;
			expect((await call("GET", "/api/v1/lists", undefined, as)).text).not.toContain(f.listId);
			expect((await call("GET", list, undefined, as)).status).toBe(404);
			expect((await call("GET", `/api/v1/contacts?list_id=${f.listId}`, undefined, as)).status).toBe(404);
			expect((await call("PATCH", list, { name: "Pwned" }, as)).status).toBe(404);
			expect((await call("POST", `${list}/members`, { contact_ids: [f.contactId] }, as)).status).toBe(404);
			expect((await call("DELETE", list, undefined, as)).status).toBe(404);
			expect((await call("GET", `/api/v1/audience?segment_id=${f.segmentId}`, undefined, as)).status).toBe(404);
			expect((await call("POST", `/api/v1/templates/${f.templateId}/preview`, {}, as)).status).toBe(404);
			for (const command of ["send", "pause", "cancel"]) {
				expect((await call("POST", `/api/v1/campaigns/${f.campaignId}/${command}`, undefined, as)).status).toBe(404);
			}
			const pick = { variant_id: "var_x" };
			expect((await call("POST", `/api/v1/campaigns/${f.campaignId}/ab/winner`, pick, as)).status).toBe(404);
			expect((await call("POST", "/api/v1/campaigns", { name: "steal", template_id: f.templateId }, as)).status).toBe(
				400,
			);
			expect(
				(await call("POST", "/api/v1/templates/render", { template: SOURCE, contact_id: f.contactId }, as)).status,
			).toBe(404);
			expect((await call("GET", "/api/v1/outbox", undefined, as)).text).not.toContain("secret template");
			const conversationPath = `/api/v1/assistant/conversations/${f.conversationId}`;
			expect((await call("GET", conversationPath, undefined, as)).status).toBe(404);
			expect((await call("DELETE", conversationPath, undefined, as)).status).toBe(404);
			const hooks = `/api/v1/webhook-endpoints/${f.webhookId}`;
			expect((await call("GET", "/api/v1/webhook-endpoints", undefined, as)).text).not.toContain(f.webhookId);
			expect((await call("GET", `${hooks}/deliveries`, undefined, as)).status).toBe(404);
			expect((await call("PATCH", hooks, { url: "https://evil.example/" }, as)).status).toBe(404);
			expect((await call("POST", `${hooks}/rotate-secret`, {}, as)).status).toBe(404);
			expect((await call("DELETE", hooks, undefined, as)).status).toBe(404);
			const rule = `/api/v1/alert-rules/${f.alertRuleId}`;
			expect((await call("GET", "/api/v1/alert-rules", undefined, as)).text).not.toContain(f.alertRuleId);
			expect((await call("PATCH", rule, { threshold: 0 }, as)).status).toBe(404);
			expect((await call("DELETE", rule, undefined, as)).status).toBe(404);
			expect((await call("GET", "/api/v1/signup-forms", undefined, as)).text).not.toContain(f.signupFormId);
			expect((await call("DELETE", `/api/v1/signup-forms/${f.signupFormId}`, undefined, as)).status).toBe(404);
			expect((await call("GET", "/api/v1/integrations/shopify", undefined, as)).text).not.toContain(f.shopId);
			expect((await call("DELETE", `/api/v1/integrations/shopify/${f.shopId}`, undefined, as)).status).toBe(404);
			const theirContacts = await call("GET", "/api/v1/contacts?q=ours.example", undefined, as);
			expect(theirContacts.json.data).toEqual([]);
			const events = await call("POST", "/api/v1/events", { contact_id: f.contactId, name: "spoof" }, as);
			expect(events.json.accepted).toBe(0);
			const switched = await call("POST", "/api/v1/auth/switch-workspace", { workspace_id: f.ours.workspace.id }, as);
			expect([400, 404]).toContain(switched.status);
		}
		// Our data is untouched.
		const me = await call("GET", "/api/v1/me", undefined, { apiKey: f.ourKey.key });
		expect(me.status).toBe(200);
		const members = await call("GET", "/api/v1/members", undefined, { cookie: f.ours.cookie });
		expect(members.json.data.find((m: { id: string }) => m.id === f.editor.memberId)?.role).toBe("editor");
		const contact = await call("GET", `/api/v1/contacts/${f.contactId}`, undefined, { cookie: f.ours.cookie });
		expect(contact.json.first_name).toBe("Secret");
		expect((await call("GET", `/api/v1/segments/${f.segmentId}`, undefined, { cookie: f.ours.cookie })).json.name).toBe(
			"Ours",
		);
	});
});

describe("error shape", () => {
	it("answers unknown API paths with the JSON error body and a request id", async () => {
		const res = await call("GET", "/api/v1/nope");
		expect(res.status).toBe(404);
		expect(res.error).toMatchObject({ code: "not_found" });
		expect(res.error.request_id).toBeTruthy();
		expect(res.headers.get("x-request-id")).toBe(res.error.request_id);
	});
});
