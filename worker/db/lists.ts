import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { columns, value } from "./json-each";
import { contacts } from "./schema-contacts";
import { contactListMembers, contactLists } from "./schema-lists";

export type ListRow = typeof contactLists.$inferSelect;

const memberCount =
	sql<number>`(SELECT count(*) FROM ${contactListMembers} m WHERE m.list_id = ${contactLists.id})`.mapWith(Number);
const withCount = { list: contactLists, count: memberCount };

export async function findList(db: Db, workspaceId: string, id: string) {
	const [row] = await db
		.select(withCount)
		.from(contactLists)
		.where(and(eq(contactLists.id, id), eq(contactLists.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

export async function findListByName(db: Db, workspaceId: string, name: string) {
	const [row] = await db
		.select(withCount)
		.from(contactLists)
		.where(and(eq(contactLists.workspaceId, workspaceId), eq(contactLists.name, name)))
		.limit(1);
	return row;
}

/**
 * Newest first, ids below `beforeId`; `limit` rows (ask for one more to know if another page exists); with
 * `contactId`, only the lists that contact is on; with `q`, only those whose name contains it (any case).
 */
export function listPage(
	db: Db,
	workspaceId: string,
	beforeId: string,
	limit: number,
	filter: { contactId?: string; q?: string } = {},
) {
	const holding = filter.contactId
		? sql`EXISTS (SELECT 1 FROM ${contactListMembers} h WHERE h.list_id = ${contactLists.id} AND h.contact_id = ${filter.contactId})`
		: undefined;
	const named = filter.q ? sql`instr(lower(${contactLists.name}), lower(${filter.q})) > 0` : undefined;
	return db
		.select(withCount)
		.from(contactLists)
		.where(and(eq(contactLists.workspaceId, workspaceId), lt(contactLists.id, beforeId), holding, named))
		.orderBy(desc(contactLists.id))
		.limit(limit);
}

/** Inserts unless the workspace has a list of that name; answers the new row, or undefined when taken. */
export async function insertList(db: Db, row: typeof contactLists.$inferInsert): Promise<ListRow | undefined> {
	const [inserted] = await db.insert(contactLists).values(row).onConflictDoNothing().returning();
	return inserted;
}

export function updateListStatement(
	db: Db,
	workspaceId: string,
	id: string,
	change: Partial<Pick<ListRow, "name" | "description" | "updatedAt">>,
) {
	return db
		.update(contactLists)
		.set(change)
		.where(and(eq(contactLists.id, id), eq(contactLists.workspaceId, workspaceId)));
}

/** Deleting a list removes its memberships (cascade), never the contacts. */
export function deleteListStatement(db: Db, workspaceId: string, id: string) {
	return db.delete(contactLists).where(and(eq(contactLists.id, id), eq(contactLists.workspaceId, workspaceId)));
}

/** The ids among these that are lists of the workspace. */
export async function listsOfWorkspace(db: Db, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
	const rows = await db
		.select({ id: contactLists.id })
		.from(contactLists)
		.where(and(eq(contactLists.workspaceId, workspaceId), inJson(contactLists.id, ids)));
	return new Set(rows.map((r) => r.id));
}

/** The ids among these that are contacts of the workspace. */
export async function contactsOfWorkspace(db: Db, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: contacts.id })
		.from(contacts)
		.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.id, ids)));
	return new Set(rows.map((r) => r.id));
}

/** The workspace's contacts with these (normalized) emails: email → contact id. */
export async function contactsByEmail(
	db: Db,
	workspaceId: string,
	emails: readonly string[],
): Promise<Map<string, string>> {
	if (emails.length === 0) return new Map();
	const rows = await db
		.select({ id: contacts.id, email: contacts.email })
		.from(contacts)
		.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.email, emails)));
	return new Map(rows.map((r) => [r.email, r.id]));
}

/**
 * Puts the workspace's contacts among `ids` on the list (one statement, the ids as one JSON parameter; contacts of
 * another workspace and unknown ids are left out; those already on it stay as they were).
 */
export function addMembersStatement(db: Db, workspaceId: string, listId: string, ids: readonly string[], at: Date) {
	return db
		.insert(contactListMembers)
		.select(
			db
				.select(
					columns({
						listId: value(listId),
						contactId: sql<string>`${contacts.id}`,
						workspaceId: value(workspaceId),
						addedAt: value(at.getTime()),
					}),
				)
				.from(contacts)
				.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.id, ids))),
		)
		.onConflictDoNothing();
}

export function removeMembersStatement(db: Db, workspaceId: string, listId: string, ids: readonly string[]) {
	return db
		.delete(contactListMembers)
		.where(
			and(
				eq(contactListMembers.listId, listId),
				eq(contactListMembers.workspaceId, workspaceId),
				inJson(contactListMembers.contactId, ids),
			),
		);
}

export function touchListStatement(db: Db, workspaceId: string, id: string, at: Date) {
	return updateListStatement(db, workspaceId, id, { updatedAt: at });
}
