import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { contacts } from "./schema-contacts";

/** Contacts an earlier identify tagged with these `user_id`s (ingestion stores a non-email userId as that attribute). */
export function contactsByUserId(db: Db, workspaceId: string, userIds: string[]) {
	const userId = sql<string>`json_extract(${contacts.attributes}, '$.user_id')`;
	return db
		.select({ id: contacts.id, userId })
		.from(contacts)
		.where(and(eq(contacts.workspaceId, workspaceId), inJson(userId, userIds)));
}
