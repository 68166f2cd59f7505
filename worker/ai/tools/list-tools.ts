import { z } from "zod";
import { LIST_MEMBERS_MAX, ListSchema } from "../../contracts/lists";
import { createDb, type Db } from "../../db/client";
import { contactsByEmail, findListByName } from "../../db/lists";
import { normalizeEmail } from "../../domain/contacts/email";
import { listForBulk } from "../../services/list-items";
import { type Actor, changeMembers, found, listLists } from "../../services/lists";
import { ToolError } from "./context";
import { defineTool } from "./define";

const Id = z.string().min(1).max(100);
const Name = z.string().trim().min(1).max(100);
const listUrl = (id: string) => `/contacts?list=${id}`;

/** The list named by id, or by name (created when asked and the workspace has none of that name). */
async function targetList(
	db: Db,
	by: Actor,
	input: { list_id?: string; list_name?: string; create_list: boolean },
): Promise<{ id: string; name: string; created: boolean }> {
	if (input.list_id) return { ...(await found(db, by.actor.workspaceId, input.list_id)).list, created: false };
	if (!input.list_name) throw new ToolError("Give list_id or list_name (list_lists shows the workspace's lists)");
	const existing = await findListByName(db, by.actor.workspaceId, input.list_name);
	if (existing) return { ...existing.list, created: false };
	if (!input.create_list)
		throw new ToolError(
			`No list is named "${input.list_name}": call list_lists to find it, or set create_list to make a new list of that name`,
		);
	const created = await listForBulk(db, by, { list_name: input.list_name }, true);
	return { id: created.id, name: input.list_name, created: true };
}

/** Contact ids as given plus those of the emails; emails that are invalid or of no contact are reported. */
async function contactIdsOf(db: Db, workspaceId: string, input: { contact_ids?: string[]; emails?: string[] }) {
	const normalized = (input.emails ?? []).map((raw) => ({ raw, result: normalizeEmail(raw) }));
	const valid = normalized.flatMap((e) => (e.result.ok ? [e.result.email] : []));
	const byEmail = await contactsByEmail(db, workspaceId, valid);
	const ids = [...(input.contact_ids ?? [])];
	const unknownEmails: string[] = [];
	for (const { raw, result } of normalized) {
		const id = result.ok ? byEmail.get(result.email) : undefined;
		if (id) ids.push(id);
		else unknownEmails.push(raw);
	}
	return { ids, unknownEmails };
}

export const listTools = {
	list_lists: defineTool({
		title: "List static lists",
		description:
			'The workspace\'s static lists (named sets of contacts added by hand, unlike rule-based segments), newest first, each with its contact count. Filter by part of the name (any case) or to the lists one contact is on. A segment targets a list with the rule {"list": "<list id>"}.',
		kind: "read",
		input: z.object({
			query: z.string().trim().max(100).optional().describe("Part of the list's name, in any case"),
			contact_id: Id.optional().describe("Only the lists this contact is on"),
			limit: z.number().int().min(1).max(50).default(20),
			cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
		}),
		output: z.object({ lists: z.array(ListSchema), next_cursor: z.string().nullable() }),
		run: async (ctx, { query, ...input }) => {
			const page = await listLists(createDb(ctx.env.DB), ctx.principal.workspaceId, { ...input, q: query });
			return { lists: page.data, next_cursor: page.next_cursor };
		},
	}),
	add_to_list: defineTool({
		title: "Add contacts to a list",
		description: `Put existing contacts (by id and/or email, at most ${LIST_MEMBERS_MAX} in all) on a static list, chosen by list_id or by its exact name. Contacts already on it stay as they were; ids and emails that are not contacts of this workspace come back in not_found and change nothing. With create_list, a name no list has makes a new list. Nothing is sent.`,
		kind: "write",
		action: "add contacts to lists",
		input: z.object({
			list_id: Id.optional().describe("The list's id (from list_lists)"),
			list_name: Name.optional().describe("The list's exact name, when no list_id is given"),
			create_list: z.boolean().default(false).describe("Create a list of list_name when the workspace has none"),
			contact_ids: z.array(Id).max(LIST_MEMBERS_MAX).optional(),
			emails: z.array(z.string().max(320)).max(LIST_MEMBERS_MAX).optional(),
		}),
		output: z.object({
			list: ListSchema.pick({ id: true, name: true, count: true }),
			created_list: z.boolean(),
			added: z.number().int().describe("Contacts put on the list by this call"),
			already_on_list: z.number().int(),
			not_found: z.array(z.string()).describe("Ids and emails that are not contacts of this workspace"),
			url: z.string(),
		}),
		run: async (ctx, input) => {
			const given = (input.contact_ids?.length ?? 0) + (input.emails?.length ?? 0);
			if (given === 0) throw new ToolError("Give contact_ids or emails of the contacts to add");
			if (given > LIST_MEMBERS_MAX) throw new ToolError(`Give at most ${LIST_MEMBERS_MAX} contacts in one call`);
			const db = createDb(ctx.env.DB);
			const by: Actor = { actor: ctx.principal, ip: ctx.ip };
			const { ids, unknownEmails } = await contactIdsOf(db, ctx.principal.workspaceId, input);
			if (ids.length === 0)
				throw new ToolError(`None of these are contacts of this workspace: ${unknownEmails.join(", ")}`);
			const list = await targetList(db, by, input);
			const result = await changeMembers(db, by, list.id, ids, "add");
			const known = new Set(ids).size - result.not_found.length;
			return {
				list: { id: list.id, name: list.name, count: result.count },
				created_list: list.created,
				added: result.changed,
				already_on_list: known - result.changed,
				not_found: [...result.not_found, ...unknownEmails],
				url: listUrl(list.id),
			};
		},
	}),
};
