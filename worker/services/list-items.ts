import type { Db } from "../db/client";
import {
	addMembersStatement,
	contactsOfWorkspace,
	findListByName,
	removeMembersStatement,
	touchListStatement,
} from "../db/lists";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { type Actor, createList, found } from "./lists";

/*
 * The items of the bulk actions add_to_list and remove_from_list: one contact each, audited on the contact, after
 * the list was found once for the whole call.
 */

/**
 * The list a bulk action goes to: `list_id` (of this workspace, else 404), or `list_name`: the list of that name,
 * created (and audited) for add_to_list when the workspace has none.
 */
export async function listForBulk(
	db: Db,
	by: Actor,
	params: { list_id?: string; list_name?: string },
	create: boolean,
): Promise<{ id: string }> {
	if (params.list_id) return (await found(db, by.actor.workspaceId, params.list_id)).list;
	const name = params.list_name?.trim();
	if (!name)
		throw new ApiError(
			"validation_failed",
			create ? "Choose a list (list_id) or name a new one (list_name)" : "Choose a list (list_id)",
			[{ path: "params.list_id", message: "Required" }],
		);
	const existing = await findListByName(db, by.actor.workspaceId, name);
	if (existing) return existing.list;
	if (!create) throw notFound("List");
	return createList(db, by, { name }).catch(async (error) => {
		// Created by someone else in between: use theirs.
		const again = await findListByName(db, by.actor.workspaceId, name);
		if (again) return again.list;
		throw error;
	});
}

/** One contact onto (or off) a list: an unknown contact is 404, taking off one who is not on it 409. */
export async function moveContact(db: Db, by: Actor, listId: string, contactId: string, change: "add" | "remove") {
	const workspaceId = by.actor.workspaceId;
	if (!(await contactsOfWorkspace(db, workspaceId, [contactId])).has(contactId)) throw notFound("Contact");
	const at = new Date();
	const [result] = await db.batch([
		change === "add"
			? addMembersStatement(db, workspaceId, listId, [contactId], at)
			: removeMembersStatement(db, workspaceId, listId, [contactId]),
		touchListStatement(db, workspaceId, listId, at),
	]);
	if (change === "remove" && !(result as { meta: { changes?: number } }).meta.changes)
		throw new ApiError("conflict", "Not on this list");
	await auditInsert(db, {
		workspaceId,
		action: change === "add" ? "contact.added_to_list" : "contact.removed_from_list",
		actor: by.actor,
		target: { type: "contact", id: contactId },
		ip: by.ip,
		metadata: { list_id: listId },
	});
}
