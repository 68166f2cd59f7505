import { z } from "zod";
import {
	CONTACT_STATUSES,
	ContactDetailSchema,
	ContactInputSchema,
	ContactSchema,
	EventInputSchema,
	EventsResultSchema,
} from "../../contracts/contacts";
import { createDb } from "../../db/client";
import { findContactByEmail } from "../../db/contacts";
import { normalizeEmail } from "../../domain/contacts/email";
import { getContactDetail, listContacts } from "../../services/contacts-read";
import { eraseContact, patchContact, upsertContact } from "../../services/contacts-write";
import { recordEvents } from "../../services/events";
import { type ToolContext, ToolError } from "./context";
import { defineTool } from "./define";

const write = (ctx: ToolContext) => ({ actor: ctx.principal, ip: ctx.ip });
const Id = z.string().max(100);
const TagList = z.array(z.string().trim().min(1).max(100)).max(50);

/** A contact by id, or by email when no id is given; a clear error when neither finds one. */
async function contactIdOf(ctx: ToolContext, input: { contact_id?: string; email?: string }): Promise<string> {
	if (input.contact_id) return input.contact_id;
	const email = normalizeEmail(input.email ?? "");
	if (!email.ok) throw new ToolError(`Give contact_id or a valid email (${email.reason})`);
	const row = await findContactByEmail(createDb(ctx.env.DB), ctx.principal.workspaceId, email.email);
	if (!row) throw new ToolError(`No contact with the email ${email.email} in this workspace`);
	return row.id;
}

export const contactTools = {
	search_contacts: defineTool({
		title: "Search contacts",
		description: "Find contacts by email or name, optionally filtered by status, tag or saved segment.",
		kind: "read",
		input: z.object({
			query: z.string().max(200).optional().describe("Part of an email address or a name"),
			status: z.enum(CONTACT_STATUSES).optional(),
			tag: z.string().max(100).optional(),
			segment_id: z.string().max(100).optional(),
			limit: z.number().int().min(1).max(20).default(10),
		}),
		output: z.object({
			contacts: z.array(
				z.object({
					id: z.string(),
					email: z.string(),
					name: z.string(),
					status: z.enum(CONTACT_STATUSES),
					tags: z.array(z.string()),
					attributes: z.record(z.string(), z.unknown()),
				}),
			),
			has_more: z.boolean(),
		}),
		run: async (ctx, input) => {
			const page = await listContacts(ctx.env.DB, ctx.principal.workspaceId, { ...input, q: input.query });
			return {
				contacts: page.data.map((c) => ({
					id: c.id,
					email: c.email,
					name: [c.first_name, c.last_name].filter(Boolean).join(" "),
					status: c.status,
					tags: c.tags,
					attributes: c.attributes,
				})),
				has_more: page.next_cursor !== null,
			};
		},
	}),
	get_contact: defineTool({
		title: "Get a contact",
		description: "One contact by id or email: attributes, tags, status with its history, consent and recent events.",
		kind: "read",
		input: z.object({ contact_id: Id.optional(), email: z.string().max(320).optional() }),
		output: ContactDetailSchema,
		run: async (ctx, input) => getContactDetail(ctx.env.DB, ctx.principal.workspaceId, await contactIdOf(ctx, input)),
	}),
	upsert_contact: defineTool({
		title: "Create or update a contact",
		description:
			"Create a contact, or update the one with this email (attributes merged, tags added). A new contact is subscribed unless status says otherwise; give consent (source, wording) when you know how they agreed. Bounced or complained addresses are never resubscribed.",
		kind: "write",
		action: "create or change contacts",
		input: ContactInputSchema,
		output: z.object({ contact: ContactSchema, created: z.boolean(), url: z.string() }),
		run: async (ctx, input) => {
			const { contact, created } = await upsertContact(ctx.env, write(ctx), input);
			return { contact, created, url: `/contacts/${contact.id}` };
		},
	}),
	tag_contacts: defineTool({
		title: "Tag contacts",
		description:
			"Add and/or remove tags on up to 100 contacts (by id). Tags are how segments and campaigns pick people.",
		kind: "write",
		action: "change contacts' tags",
		input: z.object({ contact_ids: z.array(Id).min(1).max(100), add: TagList.optional(), remove: TagList.optional() }),
		output: z.object({
			updated: z.array(z.object({ id: z.string(), email: z.string(), tags: z.array(z.string()) })),
			not_found: z.array(z.string()),
		}),
		run: async (ctx, input) => {
			if (!input.add?.length && !input.remove?.length) throw new ToolError("Give tags to add or to remove");
			const removed = new Set(input.remove ?? []);
			const updated: { id: string; email: string; tags: string[] }[] = [];
			const notFound: string[] = [];
			for (const id of new Set(input.contact_ids)) {
				const current = await getContactDetail(ctx.env.DB, ctx.principal.workspaceId, id).catch(() => null);
				if (!current) {
					notFound.push(id);
					continue;
				}
				const tags = [...new Set([...current.tags.filter((t) => !removed.has(t)), ...(input.add ?? [])])];
				const saved = await patchContact(ctx.env, write(ctx), id, { tags });
				updated.push({ id, email: saved.email, tags: saved.tags });
			}
			return { updated, not_found: notFound };
		},
	}),
	erase_contact: defineTool({
		title: "Erase a contact (GDPR)",
		description:
			"Erase a contact and their personal data for good (a GDPR request); the address stays suppressed so it is never mailed again. Cannot be undone: confirm with the contact's email.",
		kind: "destructive",
		action: "erase contacts",
		input: z.object({ contact_id: Id, confirm_email: z.string().max(320).describe("The contact's email, to confirm") }),
		output: z.object({ erased: z.literal(true), contact_id: z.string(), message: z.string() }),
		run: async (ctx, input) => {
			const contact = await getContactDetail(ctx.env.DB, ctx.principal.workspaceId, input.contact_id);
			const confirmed = normalizeEmail(input.confirm_email);
			if (!confirmed.ok || confirmed.email !== contact.email)
				throw new ToolError("confirm_email does not match the contact's email: nothing was erased");
			await eraseContact(ctx.env, write(ctx), contact.id);
			return {
				erased: true as const,
				contact_id: contact.id,
				message: `Erased ${contact.email}: their data is gone and the address stays suppressed.`,
			};
		},
	}),
	track_event: defineTool({
		title: "Track an event",
		description:
			"Record an event (e.g. purchase, signup) for an existing contact, by email or id. Events feed segments and journeys. A repeated idempotency_key is ignored.",
		kind: "write",
		action: "record events",
		input: z.object({
			email: z.string().max(320).optional(),
			contact_id: Id.optional(),
			name: z.string().trim().min(1).max(100),
			properties: EventInputSchema.shape.properties,
			occurred_at: z.iso.datetime({ offset: true }).optional(),
			idempotency_key: z.string().min(1).max(200).optional(),
		}),
		output: EventsResultSchema,
		run: async (ctx, input) => {
			if (!input.email && !input.contact_id) throw new ToolError("Give email or contact_id");
			const result = await recordEvents(ctx.env.DB, ctx.principal.workspaceId, [input], ctx.env.EVENTS);
			const [rejected] = result.rejected;
			if (rejected) throw new ToolError(`The event was not recorded: ${rejected.reason}`);
			return result;
		},
	}),
};
