import type { Principal } from "../context";
import type { BulkBody, BulkItemResult, BulkResource } from "../contracts/bulk";
import { createDb } from "../db/client";
import { findContactRow, tagsOfContacts } from "../db/contacts";
import { isBulkAction, LIST_ACTIONS, TAG_ACTIONS, uniqueIds, withoutTags } from "../domain/operations/bulk";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { matchingIds } from "./bulk-filter";
import { runCommand } from "./campaign-commands";
import { archiveCampaign, deleteDraft, tagCampaign } from "./campaign-ops";
import { eraseContact, patchContact, upsertContact } from "./contacts-write";
import { listForBulk, moveContact } from "./list-items";
import { deleteTemplate, updateTemplate } from "./templates";

export type BulkCaller = { env: Env; actor: Principal; ip: string | null; url: string };
/** What an item needs beyond its id: the tags of tag/untag, the list of add_to_list. */
type Params = { tags: string[]; listId: string };
type Item = (caller: BulkCaller, id: string, params: Params) => Promise<unknown>;

const audit = (caller: BulkCaller, action: string, type: string, id: string, metadata?: Record<string, unknown>) =>
	auditInsert(createDb(caller.env.DB), {
		workspaceId: caller.actor.workspaceId,
		action,
		actor: caller.actor,
		target: { type, id },
		ip: caller.ip,
		metadata,
	});

const command =
	(type: "pause" | "resume" | "cancel"): Item =>
	(c, id) =>
		runCommand(c.env, c.actor, id, { type }, c.url, c.ip);

async function contact(c: BulkCaller, id: string) {
	const row = await findContactRow(createDb(c.env.DB), c.actor.workspaceId, id);
	if (!row) throw notFound("Contact");
	return row;
}

/** Each action calls the service its single-item route calls (so its rules and its audit entry apply). */
const ITEMS: { [R in BulkResource]: Record<string, Item> } = {
	campaigns: {
		pause: command("pause"),
		resume: command("resume"),
		cancel: command("cancel"),
		archive: (c, id) => archiveCampaign(c.env.DB, c, id),
		tag: (c, id, { tags }) => tagCampaign(c.env.DB, c, id, tags),
		untag: (c, id, { tags }) => tagCampaign(c.env.DB, c, id, tags, true),
		delete: (c, id) => deleteDraft(c.env.DB, c, id),
	},
	contacts: {
		tag: async (c, id, { tags }) => {
			await upsertContact(c.env, c, { email: (await contact(c, id)).email, tags });
			await audit(c, "contact.tagged", "contact", id, { tags });
		},
		untag: async (c, id, { tags }) => {
			const current = (await tagsOfContacts(createDb(c.env.DB), [(await contact(c, id)).id])).get(id) ?? [];
			await patchContact(c.env, c, id, { tags: withoutTags(current, tags) });
			await audit(c, "contact.untagged", "contact", id, { tags });
		},
		unsubscribe: async (c, id) => {
			await patchContact(c.env, c, id, { status: "unsubscribed" });
			await audit(c, "contact.unsubscribed", "contact", id, { source: "bulk" });
		},
		erase: (c, id) => eraseContact(c.env, c, id),
		add_to_list: (c, id, { listId }) => moveContact(createDb(c.env.DB), c, listId, id, "add"),
		remove_from_list: (c, id, { listId }) => moveContact(createDb(c.env.DB), c, listId, id, "remove"),
	},
	templates: {
		archive: async (c, id) => {
			await updateTemplate(c.env.DB, c.actor, id, { archived: true });
			await audit(c, "template.archived", "template", id);
		},
		unarchive: async (c, id) => {
			await updateTemplate(c.env.DB, c.actor, id, { archived: false });
			await audit(c, "template.unarchived", "template", id);
		},
		delete: async (c, id) => {
			await deleteTemplate(c.env.DB, c.actor, id);
			await audit(c, "template.deleted", "template", id);
		},
	},
};

function refusal(error: unknown): { code: string; message: string } {
	if (error instanceof ApiError) return { code: error.code, message: error.message };
	console.error(
		JSON.stringify({ msg: "bulk item failed", error: error instanceof Error ? error.message : String(error) }),
	);
	return { code: "internal_error", message: "Something went wrong on our side with this item" };
}

/**
 * Applies one action to each id in turn (the ids given, or every item matching `filter` as the list shows it), each through its single-item service: a failing item is reported
 * (and audited as `bulk.refused`) and never stops the others.
 */
export async function runBulk(caller: BulkCaller, body: BulkBody): Promise<{ results: BulkItemResult[] }> {
	const { resource, action } = body;
	if (!isBulkAction(resource, action))
		throw new ApiError("validation_failed", `${resource} take no action "${action}"`, [
			{ path: "action", message: `Not an action on ${resource}` },
		]);
	const tags = body.params?.tags ?? [];
	if (TAG_ACTIONS.includes(action) && tags.length === 0)
		throw new ApiError("validation_failed", "Name the tags", [{ path: "params.tags", message: "Required" }]);
	const item = ITEMS[resource][action];
	if (!item) throw new ApiError("validation_failed", `Unknown action ${action}`);
	const results: BulkItemResult[] = [];
	const ids = body.filter
		? await matchingIds(caller.env.DB, caller.actor.workspaceId, resource, body.filter)
		: uniqueIds(body.ids ?? []);
	// The list is found (or, to add to, made from list_name) once, before any item.
	const listId = LIST_ACTIONS.includes(action)
		? (await listForBulk(createDb(caller.env.DB), caller, body.params ?? {}, action === "add_to_list")).id
		: "";
	for (const id of ids) {
		try {
			await item(caller, id, { tags, listId });
			results.push({ id, ok: true });
		} catch (error) {
			const reason = refusal(error);
			results.push({ id, ok: false, error: reason });
			await audit(caller, "bulk.refused", resource.replace(/s$/, ""), id, { action, ...reason });
		}
	}
	return { results };
}
