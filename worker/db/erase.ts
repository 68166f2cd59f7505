import { and, eq, inArray, isNull, ne, or, SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { addressForms, ERASED_TEXT } from "../domain/contacts/erase";
import { ERASED_DELIVERY_BODY } from "../domain/webhooks/delivery-contact";
import type { Db } from "./client";
import {
	contactStatusHistory,
	contacts,
	contactTags,
	events,
	importErrors,
	importSeen,
	imports,
	messages,
	suppressions,
} from "./schema-contacts";
import { importRowCells } from "./schema-imports";
import { outboxMessages } from "./schema-templates";
import { webhookOutbox } from "./schema-webhook-outbox";
import { webhookDeliveries } from "./schema-webhooks";
import { eraseDeliveriesStatement } from "./webhook-deliveries";

/** One contact being erased: whose rows, which address, and the stand-in that replaces it. */
export type Erasure = { workspaceId: string; contactId: string; email: string; placeholder: string };

export async function findContact(db: Db, workspaceId: string, id: string) {
	const [row] = await db
		.select({ id: contacts.id, email: contacts.email })
		.from(contacts)
		.where(and(eq(contacts.id, id), eq(contacts.workspaceId, workspaceId)));
	return row ?? null;
}

/** The address stays on the suppression list (an earlier reason, e.g. `bounced`, is kept). */
/**
 * The address stays suppressed as erased, from now: an earlier unsubscribe becomes the erasure, so a signup link
 * sent between the two cannot bring the person back (bounces and complaints stay as they are: they refuse anyway).
 */
export function keepSuppressed(db: Db, e: Erasure) {
	return db
		.insert(suppressions)
		.values({ workspaceId: e.workspaceId, email: e.email, reason: "erased" })
		.onConflictDoUpdate({
			target: [suppressions.workspaceId, suppressions.email],
			set: { reason: "erased", createdAt: new Date() },
			setWhere: sql`${suppressions.reason} = 'unsubscribed'`,
		});
}

export function deleteContact(db: Db, e: Erasure) {
	return db.delete(contacts).where(and(eq(contacts.id, e.contactId), eq(contacts.workspaceId, e.workspaceId)));
}

/** True when the column holds the address in any case, plain or URL-encoded. */
export const mentions = (column: SQLiteColumn | SQL, email: string) =>
	or(...addressForms(email).map((form) => sql`instr(lower(${column}), ${form}) > 0`)) as SQL;

const rowid = sql`rowid`;

/** `key IN (the keys of the first \`limit\` rows matching where)`: bounds one statement to one page. */
function firstPage(db: Db, table: SQLiteTable, key: SQLiteColumn | SQL, where: SQL | undefined, limit: number) {
	const keys = db
		.select({ key: sql`${key}` })
		.from(table)
		.where(where)
		.limit(limit);
	// Two calls: inArray takes a column or an SQL, not their union.
	return key instanceof SQL ? inArray(key, keys) : inArray(key, keys);
}

/**
 * One bounded page of each row-level redaction. Every statement changes at most `limit` rows and
 * returns them, and no row it changed matches it again, so running a page until it comes back
 * short visits each row once; running them all again is harmless.
 */
export function redactionPages(db: Db, e: Erasure, limit: number) {
	const ofContact = db
		.select({ id: messages.id })
		.from(messages)
		.where(and(eq(messages.workspaceId, e.workspaceId), eq(messages.contactId, e.contactId)));
	const importsOfWorkspace = db.select({ id: imports.id }).from(imports).where(eq(imports.workspaceId, e.workspaceId));
	const blankOutbox = {
		subject: ERASED_TEXT,
		html: "",
		text: "",
		headers: {},
	};
	return [
		// The message log keeps each row (campaign stats count them) with the address replaced.
		db
			.update(messages)
			.set({ email: e.placeholder, lastError: sql`replace(${messages.lastError}, ${e.email}, ${e.placeholder})` })
			.where(
				firstPage(
					db,
					messages,
					messages.id,
					and(
						eq(messages.workspaceId, e.workspaceId),
						eq(messages.contactId, e.contactId),
						ne(messages.email, e.placeholder),
					),
					limit,
				),
			)
			.returning({ id: messages.id }),
		// What was "sent" to them: address, subject, bodies and headers.
		db
			.update(outboxMessages)
			.set({ toEmail: e.placeholder, ...blankOutbox })
			.where(
				firstPage(
					db,
					outboxMessages,
					outboxMessages.id,
					and(
						eq(outboxMessages.workspaceId, e.workspaceId),
						inArray(outboxMessages.messageId, ofContact),
						ne(outboxMessages.toEmail, e.placeholder),
					),
					limit,
				),
			)
			.returning({ id: outboxMessages.id }),
		// Test sends to the address, or rendered with it.
		db
			.update(outboxMessages)
			.set({
				toEmail: sql`case when ${mentions(outboxMessages.toEmail, e.email)} then ${e.placeholder} else ${outboxMessages.toEmail} end`,
				...blankOutbox,
			})
			.where(
				firstPage(
					db,
					outboxMessages,
					outboxMessages.id,
					and(
						eq(outboxMessages.workspaceId, e.workspaceId),
						isNull(outboxMessages.campaignId),
						or(
							mentions(outboxMessages.toEmail, e.email),
							mentions(outboxMessages.subject, e.email),
							mentions(outboxMessages.html, e.email),
							mentions(outboxMessages.text, e.email),
						),
					),
					limit,
				),
			)
			.returning({ id: outboxMessages.id }),
		// Import reports: the row's address and any reason that quotes it.
		db
			.update(importErrors)
			.set({
				email: sql`case when ${mentions(importErrors.email, e.email)} then ${e.placeholder} else ${importErrors.email} end`,
				reason: sql`case when ${mentions(importErrors.reason, e.email)} then ${ERASED_TEXT} else ${importErrors.reason} end`,
			})
			.where(
				firstPage(
					db,
					importErrors,
					rowid,
					and(
						inArray(importErrors.importId, importsOfWorkspace),
						or(mentions(importErrors.email, e.email), mentions(importErrors.reason, e.email)),
					),
					limit,
				),
			)
			.returning({ line: importErrors.line }),
		db
			.update(importSeen)
			.set({ email: e.placeholder })
			.where(
				firstPage(
					db,
					importSeen,
					rowid,
					and(inArray(importSeen.importId, importsOfWorkspace), eq(importSeen.email, e.email)),
					limit,
				),
			)
			.returning({ line: importSeen.line }),
		// The original cells of error rows that held the address.
		db
			.delete(importRowCells)
			.where(
				firstPage(
					db,
					importRowCells,
					rowid,
					and(inArray(importRowCells.importId, importsOfWorkspace), mentions(importRowCells.cells, e.email)),
					limit,
				),
			)
			.returning({ line: importRowCells.line }),
		// Their own events, status history and tags go with them.
		db
			.delete(events)
			.where(
				firstPage(
					db,
					events,
					events.id,
					and(eq(events.workspaceId, e.workspaceId), eq(events.contactId, e.contactId)),
					limit,
				),
			)
			.returning({ id: events.id }),
		db
			.delete(contactStatusHistory)
			.where(
				firstPage(
					db,
					contactStatusHistory,
					contactStatusHistory.id,
					eq(contactStatusHistory.contactId, e.contactId),
					limit,
				),
			)
			.returning({ id: contactStatusHistory.id }),
		db
			.delete(contactTags)
			.where(firstPage(db, contactTags, rowid, eq(contactTags.contactId, e.contactId), limit))
			.returning({ tag: contactTags.tag }),
		// Webhook events about them not yet queued (the queue was down): never sent.
		db
			.delete(webhookOutbox)
			.where(
				firstPage(
					db,
					webhookOutbox,
					webhookOutbox.id,
					and(eq(webhookOutbox.workspaceId, e.workspaceId), mentions(webhookOutbox.event, e.email)),
					limit,
				),
			)
			.returning({ id: webhookOutbox.id }),
		// Webhook deliveries about them: bodies redacted; one not yet delivered is cancelled, never sent.
		eraseDeliveriesStatement(
			db,
			firstPage(
				db,
				webhookDeliveries,
				webhookDeliveries.id,
				and(
					eq(webhookDeliveries.contactId, e.contactId),
					eq(webhookDeliveries.workspaceId, e.workspaceId),
					ne(webhookDeliveries.body, ERASED_DELIVERY_BODY),
				),
				limit,
			),
			new Date(),
		).returning({ id: webhookDeliveries.id }),
	] as const;
}
