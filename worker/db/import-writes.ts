import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";
import type { ContactRow } from "./contacts";
import { columns, field, jsonField, jsonRows, value } from "./json-each";
import { contactStatusHistory, contacts, contactTags, importErrors, importSeen, suppressions } from "./schema-contacts";
import { importRowCells } from "./schema-imports";

/** The writes of one import step; each statement carries a JSON batch of rows (see jsonBatches). */
export const importWrites = {
	createContacts(db: Db, batch: string, at: { workspaceId: string; consent: string; now: number; ip: string | null }) {
		return db.insert(contacts).select(
			db
				.select(
					columns({
						id: field("id"),
						workspaceId: value(at.workspaceId),
						email: field("email"),
						firstName: field("first_name"),
						lastName: field("last_name"),
						attributes: jsonField<Record<string, unknown>>("attributes"),
						timezone: field("timezone"),
						locale: field("locale"),
						status: field<ContactRow["status"]>("status"),
						consentSource: sql<string>`'import'`,
						consentText: sql<string>`${at.consent} || ' (line ' || (${field("line")}) || ')'`,
						consentAt: value(at.now),
						consentIp: value(at.ip),
						createdAt: value(at.now),
						updatedAt: value(at.now),
					}),
				)
				.from(jsonRows(batch)),
		);
	},
	updateContacts(db: Db, batch: string, at: { workspaceId: string; now: number }) {
		return db
			.update(contacts)
			.set({
				firstName: field("first_name"),
				lastName: field("last_name"),
				attributes: jsonField("attributes"),
				timezone: field("timezone"),
				locale: field("locale"),
				status: field("status"),
				updatedAt: sql`${at.now}`,
			})
			.from(jsonRows(batch))
			.where(and(eq(contacts.id, field("id")), eq(contacts.workspaceId, at.workspaceId)));
	},
	addTags(db: Db, batch: string, workspaceId: string) {
		return db
			.insert(contactTags)
			.select(
				db
					.select(columns({ workspaceId: value(workspaceId), contactId: field("contact_id"), tag: field("tag") }))
					.from(jsonRows(batch))
					.where(sql`true`),
			)
			.onConflictDoNothing();
	},
	/** Status changes: the history rows, and the suppression list for every change away from `subscribed`. */
	statusChanges(db: Db, batch: string, at: { workspaceId: string; now: number }): BatchItem<"sqlite">[] {
		return [
			db.insert(contactStatusHistory).select(
				db
					.select(
						columns({
							id: field("history_id"),
							workspaceId: value(at.workspaceId),
							contactId: field("id"),
							fromStatus: field<ContactRow["status"] | null>("from"),
							toStatus: field<ContactRow["status"]>("to"),
							source: sql<string>`'import'`,
							createdAt: value(at.now),
						}),
					)
					.from(jsonRows(batch)),
			),
			db
				.insert(suppressions)
				.select(
					db
						.select(
							columns({
								workspaceId: value(at.workspaceId),
								email: field("email"),
								reason: field<(typeof suppressions.$inferSelect)["reason"]>("to"),
								createdAt: value(at.now),
							}),
						)
						.from(jsonRows(batch))
						.where(sql`${field("to")} <> 'subscribed'`),
				)
				.onConflictDoUpdate({
					target: [suppressions.workspaceId, suppressions.email],
					set: { reason: sql`excluded.reason` },
				}),
		];
	},
	addErrors(db: Db, batch: string, importId: string) {
		return db
			.insert(importErrors)
			.select(
				db
					.select(
						columns({
							importId: value(importId),
							line: field<number>("line"),
							email: field<string | null>("email"),
							reason: field("reason"),
						}),
					)
					.from(jsonRows(batch))
					.where(sql`true`),
			)
			.onConflictDoNothing();
	},
	/** The original cells of error rows (`{line, cells}` items, `cells` a JSON array). */
	addErrorCells(db: Db, batch: string, importId: string) {
		return db
			.insert(importRowCells)
			.select(
				db
					.select(
						columns({
							importId: value(importId),
							line: field<number>("line"),
							cells: jsonField<string[]>("cells"),
						}),
					)
					.from(jsonRows(batch))
					.where(sql`true`),
			)
			.onConflictDoNothing();
	},
	addSeen(db: Db, batch: string, importId: string) {
		return db
			.insert(importSeen)
			.select(
				db
					.select(columns({ importId: value(importId), email: field("email"), line: field<number>("line") }))
					.from(jsonRows(batch))
					.where(sql`true`),
			)
			.onConflictDoNothing();
	},
};
