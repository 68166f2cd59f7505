import { and, eq, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { columns, field, jsonRows, value } from "./json-each";
import { contacts, events } from "./schema-contacts";

/** A custom event ready to store; `properties` as JSON text. */
export type EventInsert = {
	id: string;
	contact_id: string;
	name: string;
	properties: string;
	occurred_at: number;
	idempotency_key: string | null;
};

/** The contacts of a workspace named by email or by id, whichever each reference uses. */
export function contactsByEmailOrId(db: Db, workspaceId: string, wanted: { emails: string[]; ids: string[] }) {
	// Two indexed lookups joined by UNION: an OR across both lists would scan every contact.
	const lookup = (match: SQL) =>
		db
			.select({ id: contacts.id, email: contacts.email })
			.from(contacts)
			.where(and(eq(contacts.workspaceId, workspaceId), match));
	return union(lookup(inJson(contacts.email, wanted.emails)), lookup(inJson(contacts.id, wanted.ids)));
}

/**
 * Stores events in one statement whatever their number (the rows travel as one JSON parameter);
 * an idempotency key already used in the workspace is skipped. Resolves to the number stored.
 */
export async function insertEvents(db: Db, workspaceId: string, rows: EventInsert[]): Promise<number> {
	const result = await db
		.insert(events)
		.select(
			db
				.select(
					columns({
						id: field("id"),
						workspaceId: value(workspaceId),
						contactId: field("contact_id"),
						name: field("name"),
						properties: field<Record<string, unknown>>("properties"),
						occurredAt: field<Date>("occurred_at"),
						idempotencyKey: field<string | null>("idempotency_key"),
						createdAt: sql<Date>`${events.createdAt.default}`,
					}),
				)
				.from(jsonRows(JSON.stringify(rows)))
				.where(sql`true`),
		)
		.onConflictDoNothing({ target: [events.workspaceId, events.idempotencyKey] })
		.returning({ id: events.id });
	// Counted from the rows returned: D1's `changes` also counts the rollup rows the insert trigger writes.
	return result.length;
}
