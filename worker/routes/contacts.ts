import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import {
	ContactDetailSchema,
	ContactInputSchema,
	ContactListQuerySchema,
	ContactPatchSchema,
	ContactSchema,
	ContactsCsvQuerySchema,
	EventsBodySchema,
	EventsResultSchema,
} from "../contracts/contacts";
import { TimelinePageSchema, TimelineQuerySchema } from "../contracts/timeline";
import { clientIp } from "../middleware/auth";
import { contactsCsv } from "../services/contacts-csv";
import { getContactDetail, listContacts } from "../services/contacts-read";
import { eraseContact, patchContact, upsertContact } from "../services/contacts-write";
import { recordEvents } from "../services/events";
import { enqueueContactChanges } from "../services/journey-events";
import { contactTimeline } from "../services/timeline";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Contacts"];

export const contactRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/contacts",
			tags,
			summary: "Search (email, name) and filter (status, tag, segment) contacts, newest first",
			request: { query: ContactListQuerySchema },
			responses: { 200: jsonResponse(page(ContactSchema), "A page of contacts") },
		}),
		async (c) => c.json(await listContacts(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/contacts.csv",
			tags,
			summary: "Every contact matching the list's filters as CSV (the importer's columns, one per attribute), streamed",
			description:
				"Columns: email, first_name, last_name, tags (`;`-separated), status, timezone, locale, then one per attribute key the workspace uses (up to 100), so the file imports back as it was. Formula-like cells are prefixed with '.",
			request: { query: ContactsCsvQuerySchema },
			responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } } },
		}),
		async (c) => {
			const stream = await contactsCsv(c.env.DB, c.var.principal.workspaceId, c.req.valid("query"));
			return c.body(stream, 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": 'attachment; filename="contacts.csv"',
			});
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/contacts",
			tags,
			summary: "Create or update a contact by normalized email (attributes merged, tags added)",
			description:
				"A new contact is subscribed unless `status` says otherwise; its consent record defaults to source `api`. An unsubscribed contact is resubscribed only with `status: subscribed` and a new `consent`; bounced and complained addresses never are (409).",
			request: { body: jsonBody(ContactInputSchema) },
			responses: { 200: jsonResponse(ContactSchema, "Updated"), 201: jsonResponse(ContactSchema, "Created") },
		}),
		async (c) => {
			const { contact, created } = await upsertContact(
				c.env,
				{ actor: c.var.principal, ip: clientIp(c) },
				c.req.valid("json"),
			);
			await enqueueContactChanges(c.env, c.var.principal.workspaceId, [contact.id]);
			return created ? c.json(contact, 201) : c.json(contact, 200);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/contacts/{id}",
			tags,
			summary: "A contact with tags, status history and recent events",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(ContactDetailSchema, "The contact") },
		}),
		async (c) => c.json(await getContactDetail(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/contacts/{id}/timeline",
			tags,
			summary: "A contact's history, newest first: messages, opens, clicks, events, status and consent changes",
			description:
				"Messages carry their campaign, status and the opens and clicks of people and of machines/bots; opens and clicks carry `flag` (`machine`: a privacy-proxy prefetch, `bot`: a link scanner), which never counts as engagement. `kinds` filters; `journey` is each journey enrollment at its latest change.",
			request: { params: IdParamSchema, query: TimelineQuerySchema },
			responses: { 200: jsonResponse(TimelinePageSchema, "A page of the timeline") },
		}),
		async (c) =>
			c.json(
				await contactTimeline(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id, c.req.valid("query")),
				200,
			),
	)
	.openapi(
		defineRoute("editor", {
			method: "patch",
			path: "/contacts/{id}",
			tags,
			summary: "Update a contact (attributes merged, null removes a key; tags replaced when given)",
			request: { params: IdParamSchema, body: jsonBody(ContactPatchSchema) },
			responses: { 200: jsonResponse(ContactSchema, "The contact") },
		}),
		async (c) => {
			const write = { actor: c.var.principal, ip: clientIp(c) };
			const contact = await patchContact(c.env, write, c.req.valid("param").id, c.req.valid("json"));
			// Segment-entry journeys check whether the contact entered or left their segment.
			await enqueueContactChanges(c.env, c.var.principal.workspaceId, [contact.id]);
			return c.json(contact, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/contacts/{id}",
			tags,
			summary: "Erase a contact and their personal data (GDPR); the address stays suppressed",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Erased") },
		}),
		async (c) => {
			await eraseContact(c.env, { actor: c.var.principal, ip: clientIp(c) }, c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/events",
			tags: ["Events"],
			summary: "Record one event or a batch of up to 500",
			description:
				"Events attach to existing contacts only: an unknown email or contact_id is rejected for that item (`rejected[]`) and never creates a contact. A repeated `idempotency_key` is counted in `duplicates` and changes nothing.",
			request: { body: jsonBody(EventsBodySchema) },
			responses: { 202: jsonResponse(EventsResultSchema, "Accepted") },
		}),
		async (c) => {
			const body = c.req.valid("json");
			const items = "batch" in body ? body.batch : [body];
			return c.json(await recordEvents(c.env.DB, c.var.principal.workspaceId, items, c.env.EVENTS), 202);
		},
	);
