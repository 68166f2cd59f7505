import { and, eq } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { contacts } from "./schema-contacts";

/** Which of these contacts still exist in the workspace (one erased meanwhile is not among them). */
export async function existingContactIds(db: Db, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: contacts.id })
		.from(contacts)
		.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.id, [...new Set(ids)])));
	return new Set(rows.map((r) => r.id));
}
