import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { contacts } from "./schema-contacts";

/** The attribute keys a workspace's contacts use (alphabetical, at most `limit`): an export's extra columns. */
export async function attributeKeys(db: Db, workspaceId: string, limit: number): Promise<string[]> {
	const rows = await db
		.selectDistinct({ key: sql<string>`j.key` })
		.from(sql`${contacts}, json_each(${contacts.attributes}) j`)
		.where(sql`${contacts.workspaceId} = ${workspaceId}`)
		.orderBy(sql`j.key`)
		.limit(limit);
	return rows.map((r) => r.key);
}
