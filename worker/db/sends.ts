import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { suppressQueued } from "./messages";
import { workspaces } from "./schema";
import { campaigns, chunkPayloads, chunks } from "./schema-campaigns";
import { contacts, contactTags, messages, suppressions } from "./schema-contacts";
import { outboxMessages, templates } from "./schema-templates";
import { optedOutOfCampaignTopic } from "./topics";

export type CampaignRow = typeof campaigns.$inferSelect;
export type SendTemplate = Pick<typeof templates.$inferSelect, "subject" | "preheader" | "html" | "text">;
export type SendWorkspace = Pick<typeof workspaces.$inferSelect, "id" | "name" | "postalAddress" | "sendRatePerSecond">;
export type OutboxRow = typeof outboxMessages.$inferInsert;

/**
 * The one definition of a contact who may be mailed: subscribed, and whose address is not suppressed in the
 * workspace (unsubscribed, bounced, complained or erased). The fan-out and the freeze both ask it.
 */
export const sendable = (table: "contacts" | "c" = "contacts"): SQL<boolean> => {
	// Spelled out with the table's name: drizzle leaves columns unqualified in single-table queries, and inside the
	// subquery an unqualified `email` would be the suppression's own.
	const t = sql.raw(`"${table}"`);
	return sql<boolean>`(${t}.status = 'subscribed' AND NOT EXISTS (SELECT 1 FROM ${suppressions} s WHERE s.workspace_id = ${t}.workspace_id AND s.email = ${t}.email))`.mapWith(
		Boolean,
	);
};

/** A compiled segment (SQL text over `contacts c` with `?` placeholders) as a drizzle condition over `contacts`. */
function compiledCondition(where: string, params: readonly (string | number | null)[]): SQL {
	const parts = where.split("?");
	const chunks: SQL[] = [sql.raw(parts[0] ?? "")];
	parts.slice(1).forEach((part, i) => {
		chunks.push(sql`${params[i] ?? null}`, sql.raw(part));
	});
	return sql.join(chunks, sql``);
}

/**
 * The next `limit` audience contacts after `afterId` in id order, each with whether it may be mailed. `filter`
 * is a compiled segment over `contacts c` (or absent: every subscribed contact).
 */
export function audiencePage(
	db: Db,
	workspaceId: string,
	afterId: string,
	limit: number,
	filter: { where: string; params: (string | number | null)[] } | null,
	campaignId: string | null = null,
) {
	// The compiled segment names the table `c`; so does this query.
	const c = alias(contacts, "c");
	const audience = filter ? compiledCondition(filter.where, filter.params) : eq(c.status, "subscribed");
	// A contact who opted out of the campaign's topic is not mailed by it (written `suppressed`, never chunked).
	const mailable = campaignId
		? sql<boolean>`(${sendable("c")} AND NOT ${optedOutOfCampaignTopic(campaignId, c.id)})`.mapWith(Boolean)
		: sendable("c");
	return db
		.select({ id: c.id, email: c.email, timezone: c.timezone, sendable: mailable })
		.from(c)
		.where(and(eq(c.workspaceId, workspaceId), gt(c.id, afterId), audience))
		.orderBy(asc(c.id))
		.limit(limit);
}

export function campaignForSend(db: Db, campaignId: string): Promise<CampaignRow | undefined> {
	return db.select().from(campaigns).where(eq(campaigns.id, campaignId)).get();
}

export function templateForSend(db: Db, templateId: string): Promise<SendTemplate | undefined> {
	return db
		.select({ subject: templates.subject, preheader: templates.preheader, html: templates.html, text: templates.text })
		.from(templates)
		.where(eq(templates.id, templateId))
		.get();
}

export function workspaceForSend(db: Db, workspaceId: string): Promise<SendWorkspace | undefined> {
	return db
		.select({
			id: workspaces.id,
			name: workspaces.name,
			postalAddress: workspaces.postalAddress,
			sendRatePerSecond: workspaces.sendRatePerSecond,
		})
		.from(workspaces)
		.where(eq(workspaces.id, workspaceId))
		.get();
}

/** The chunk's recipients still queued, with their contact (absent if erased) and whether they may be mailed. */
export function chunkRecipients(db: Db, chunkId: string) {
	return db
		.select({
			messageId: messages.id,
			variantId: messages.variantId,
			contact: contacts,
			sendable:
				sql<boolean>`(${sendable()} AND NOT ${optedOutOfCampaignTopic(messages.campaignId, messages.contactId)})`.mapWith(
					Boolean,
				),
		})
		.from(messages)
		.leftJoin(contacts, eq(contacts.id, messages.contactId))
		.where(and(eq(messages.chunkId, chunkId), eq(messages.status, "queued")))
		.orderBy(asc(messages.id));
}

export function chunkTags(db: Db, chunkId: string) {
	return db
		.select({ contactId: contactTags.contactId, tag: contactTags.tag })
		.from(contactTags)
		.innerJoin(messages, eq(messages.contactId, contactTags.contactId))
		.where(eq(messages.chunkId, chunkId));
}

/** The frozen bytes of a chunk, in order. */
export function storedPayloads(db: Db, chunkId: string) {
	return db
		.select({ messageId: chunkPayloads.messageId, payload: chunkPayloads.payload })
		.from(chunkPayloads)
		.where(eq(chunkPayloads.chunkId, chunkId))
		.orderBy(asc(chunkPayloads.position));
}

/**
 * Stores a chunk's rendered payloads (a concurrent freeze's are kept if first: nothing is overwritten), marks the
 * recipients left out as suppressed and the chunk frozen, in one batch. Answers how many payloads were stored and
 * how many recipients this call moved to `suppressed`.
 */
export async function freezeChunk(
	db: Db,
	chunkId: string,
	payloads: { message_id: string; position: number; payload: string }[],
	suppressedIds: string[],
	now: number,
) {
	const [inserted, suppressed] = await db.batch([
		// chunk_payloads' columns, in order: message_id, chunk_id, position, payload.
		db
			.insert(chunkPayloads)
			.select(
				sql`SELECT j.value->>'$.message_id', ${chunkId}, j.value->>'$.position', j.value->>'$.payload' FROM json_each(${JSON.stringify(payloads)}) j WHERE true`,
			)
			.onConflictDoNothing(),
		suppressQueued(db, suppressedIds),
		db
			.update(chunks)
			.set({ status: "frozen", updatedAt: new Date(now) })
			.where(and(eq(chunks.id, chunkId), eq(chunks.status, "queued"))),
	]);
	return { stored: inserted.meta.changes ?? 0, suppressed: suppressed.meta.changes ?? 0 };
}

/** The capture outbox: stores a batch once per idempotency key and answers the stored ids, in order. */
export async function captureBatch(db: Db, idempotencyKey: string, rows: Omit<OutboxRow, "idempotencyKey">[]) {
	const json = rows.map((r) => ({ ...r, headers: JSON.stringify(r.headers) }));
	await db.run(
		sql`INSERT INTO ${outboxMessages} (id, workspace_id, campaign_id, message_id, to_email, from_email, reply_to, subject, html, text, headers, idempotency_key, position)
		    SELECT j.value->>'$.id', j.value->>'$.workspaceId', j.value->>'$.campaignId', j.value->>'$.messageId', j.value->>'$.toEmail',
		           j.value->>'$.fromEmail', j.value->>'$.replyTo', j.value->>'$.subject', j.value->>'$.html', j.value->>'$.text',
		           j.value->>'$.headers', ${idempotencyKey}, j.value->>'$.position'
		    FROM json_each(${JSON.stringify(json)}) j WHERE true ON CONFLICT (idempotency_key, position) DO NOTHING`,
	);
	const stored = await db
		.select({ id: outboxMessages.id })
		.from(outboxMessages)
		.where(eq(outboxMessages.idempotencyKey, idempotencyKey))
		.orderBy(asc(outboxMessages.position));
	return stored.map((r) => r.id);
}
