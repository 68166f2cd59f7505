import type { Principal } from "../context";
import type { ContactList, ListMembersResult } from "../contracts/lists";
import type { SegmentRule } from "../contracts/segments";
import type { Db } from "../db/client";
import {
	addMembersStatement,
	contactsOfWorkspace,
	deleteListStatement,
	findList,
	insertList,
	type ListRow,
	listPage,
	listsOfWorkspace,
	removeMembersStatement,
	touchListStatement,
	updateListStatement,
} from "../db/lists";
import { newId } from "../domain/ids";
import { uniqueIds } from "../domain/operations/bulk";
import { listRefs } from "../domain/segments/list-refs";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { type PageRequest, pageOf, startAfter } from "./pagination";

export type Actor = { actor: Principal; ip: string | null };

const taken = () =>
	new ApiError("conflict", "This workspace already has a list of that name", [
		{ path: "name", message: "Another list already has this name" },
	]);

const present = ({ list, count }: { list: ListRow; count: number }): ContactList => ({
	id: list.id,
	name: list.name,
	description: list.description,
	count,
	created_at: list.createdAt.toISOString(),
	updated_at: list.updatedAt.toISOString(),
});

const audit = (db: Db, by: Actor, action: string, id: string, metadata?: Record<string, unknown>) =>
	auditInsert(db, {
		workspaceId: by.actor.workspaceId,
		action,
		actor: by.actor,
		target: { type: "list", id },
		ip: by.ip,
		metadata,
	});

/** A page of lists, newest first: all, those a contact is on (`contact_id`), and/or those named like `q`. */
export async function listLists(db: Db, workspaceId: string, page: PageRequest & { contact_id?: string; q?: string }) {
	const filter = { contactId: page.contact_id, q: page.q || undefined };
	const rows = await listPage(db, workspaceId, startAfter(page, "desc"), page.limit + 1, filter);
	return pageOf(
		rows.map((r) => ({ ...r, id: r.list.id })),
		page,
		present,
	);
}

/** The list with its count; 404 when the workspace has no such list. */
export async function found(db: Db, workspaceId: string, id: string) {
	const row = await findList(db, workspaceId, id);
	if (!row) throw notFound("List");
	return row;
}

export const getList = async (db: Db, workspaceId: string, id: string) => present(await found(db, workspaceId, id));

export async function createList(db: Db, by: Actor, input: { name: string; description?: string }) {
	const at = new Date();
	const list = await insertList(db, {
		id: newId("lst"),
		workspaceId: by.actor.workspaceId,
		name: input.name,
		description: input.description ?? "",
		createdAt: at,
		updatedAt: at,
	});
	if (!list) throw taken();
	await audit(db, by, "list.created", list.id, { name: list.name });
	return present({ list, count: 0 });
}

export async function updateList(db: Db, by: Actor, id: string, patch: { name?: string; description?: string }) {
	await found(db, by.actor.workspaceId, id);
	try {
		await db.batch([
			updateListStatement(db, by.actor.workspaceId, id, { ...patch, updatedAt: new Date() }),
			audit(db, by, "list.updated", id, { fields: Object.keys(patch) }),
		]);
	} catch (error) {
		if (String(error).includes("UNIQUE")) throw taken();
		throw error;
	}
	return getList(db, by.actor.workspaceId, id);
}

/** Deleting a list takes its contacts off it (they stay contacts); segments on it then match nobody. */
export async function deleteList(db: Db, by: Actor, id: string) {
	const row = await found(db, by.actor.workspaceId, id);
	await db.batch([
		deleteListStatement(db, by.actor.workspaceId, id),
		audit(db, by, "list.deleted", id, { name: row.list.name, count: row.count }),
	]);
}

/**
 * Adds (or removes) the workspace's contacts among `ids` in one batch with its audit entry; ids that are not
 * contacts of the workspace are reported in `not_found` and change nothing.
 */
export async function changeMembers(
	db: Db,
	by: Actor,
	id: string,
	contactIds: readonly string[],
	change: "add" | "remove",
): Promise<ListMembersResult> {
	const workspaceId = by.actor.workspaceId;
	await found(db, workspaceId, id);
	const ids = uniqueIds(contactIds);
	const known = await contactsOfWorkspace(db, workspaceId, ids);
	const at = new Date();
	const statement =
		change === "add"
			? addMembersStatement(db, workspaceId, id, ids, at)
			: removeMembersStatement(db, workspaceId, id, ids);
	const [result] = await db.batch([
		statement,
		touchListStatement(db, workspaceId, id, at),
		audit(db, by, change === "add" ? "list.members_added" : "list.members_removed", id, {
			contact_ids: ids.filter((c) => known.has(c)),
		}),
	]);
	const after = await found(db, workspaceId, id);
	return {
		changed: (result as { meta: { changes?: number } }).meta.changes ?? 0,
		not_found: ids.filter((c) => !known.has(c)),
		count: after.count,
	};
}

/** A segment may only name lists of its workspace (400 naming each rule that does not). */
export async function assertListsOfWorkspace(db: Db, workspaceId: string, definition: SegmentRule) {
	const refs = listRefs(definition);
	if (refs.length === 0) return;
	const known = await listsOfWorkspace(
		db,
		workspaceId,
		refs.map((r) => r.list),
	);
	const issues = refs
		.filter((r) => !known.has(r.list))
		.map((r) => ({
			path: `definition.${r.path ? `${r.path}.` : ""}list`,
			message: "No list of this workspace has this id",
		}));
	if (issues.length > 0)
		throw new ApiError("validation_failed", `Invalid segment: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
}
