import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "./client";
import { field, inJson, jsonRows } from "./json-each";
import { chunks } from "./schema-campaigns";
import { messages } from "./schema-contacts";

export type MessageStatus = "queued" | "suppressed" | "capped" | "sent" | "failed" | "cancelled";
/** A recipient row as the fan-out writes it: queued in a chunk, or suppressed and never chunked. */
export type NewMessage = {
	id: string;
	contact_id: string;
	email: string;
	status: MessageStatus;
	chunk_id: string | null;
	/** The A/B variant (absent outside A/B tests). */
	variant_id?: string | null;
	/** A local-time send: when this recipient is due (ms); the row waits unchunked until then. */
	scheduled_for?: number | null;
};

/** Re-exported for the modules that import it from here. */
export { inJson };

/** Recipient rows of a campaign; a replay inserts nothing (unique per campaign, step and contact). */
export function insertMessages(db: Db, workspaceId: string, campaignId: string, rows: NewMessage[]) {
	return db.run(
		sql`INSERT INTO ${messages} (id, workspace_id, campaign_id, step_id, contact_id, email, status, chunk_id, variant_id, scheduled_for)
		    SELECT j.value->>'$.id', ${workspaceId}, ${campaignId}, 'main', j.value->>'$.contact_id', j.value->>'$.email', j.value->>'$.status', j.value->>'$.chunk_id', j.value->>'$.variant_id', j.value->>'$.scheduled_for'
		    FROM json_each(${JSON.stringify(rows)}) j WHERE true ON CONFLICT (campaign_id, step_id, contact_id) DO NOTHING`,
	);
}

/** The still-queued recipients of a chunk end `cancelled`. */
export const cancelQueuedOfChunk = (db: Db, chunkId: string) =>
	db
		.update(messages)
		.set({ status: "cancelled" })
		.where(and(eq(messages.chunkId, chunkId), eq(messages.status, "queued")));

/**
 * The still-queued recipients of a campaign's not-yet-attempted (queued or paused) chunks end `cancelled`, and so do
 * those of a local-time send still waiting for their time (no chunk yet).
 */
export const cancelQueuedOfCampaign = (db: Db, campaignId: string) =>
	db
		.update(messages)
		.set({ status: "cancelled" })
		.where(
			and(
				eq(messages.campaignId, campaignId),
				eq(messages.status, "queued"),
				or(
					isNull(messages.chunkId),
					inArray(
						messages.chunkId,
						db
							.select({ id: chunks.id })
							.from(chunks)
							.where(and(eq(chunks.campaignId, campaignId), inArray(chunks.status, ["queued", "paused"]))),
					),
				),
			),
		);

/** The still-queued recipients of a chunk end `failed`, with the reason. */
export const failQueuedOfChunk = (db: Db, chunkId: string, attempts: number, error: string) =>
	db
		.update(messages)
		.set({ status: "failed", attempts: sql`max(${messages.attempts}, ${attempts})`, lastError: error })
		.where(and(eq(messages.chunkId, chunkId), eq(messages.status, "queued")));

/**
 * Accepted by the provider: each recipient `sent` with its provider id. One pass over the JSON rows joined to
 * `messages` by primary key (`UPDATE ... FROM`), not a lookup into the JSON per row.
 */
export const markSent = (db: Db, sent: { id: string; provider_id: string | null }[], attempts: number, now: number) =>
	db
		.update(messages)
		.set({
			status: "sent",
			providerId: field<string | null>("provider_id"),
			attempts,
			lastError: null,
			sentAt: new Date(now),
		})
		.from(jsonRows(JSON.stringify(sent)))
		// Qualified by hand: json_each has an `id` column of its own.
		.where(and(sql`"messages"."id" = ${field("id")}`, eq(messages.status, "queued")));

/** A failed attempt that will be retried: the recipients stay queued, with the attempt count and the reason. */
export const noteAttempt = (db: Db, messageIds: string[], attempts: number, error: string) =>
	db
		.update(messages)
		.set({ attempts, lastError: error })
		.where(and(inJson(messages.id, messageIds), eq(messages.status, "queued")));

/** Recipients left out of a chunk at its freeze (unsubscribed, bounced, erased since) end `suppressed`. */
export const suppressQueued = (db: Db, messageIds: string[]) =>
	db
		.update(messages)
		.set({ status: "suppressed" })
		.where(and(inJson(messages.id, messageIds), eq(messages.status, "queued")));

/** Recipients the provider rejected in a batch it otherwise sent end `failed`, each with the provider's reason. */
export const failRejected = (db: Db, rejected: { id: string; error: string }[], attempts: number) =>
	db
		.update(messages)
		.set({ status: "failed", attempts, lastError: field<string>("error") })
		.from(jsonRows(JSON.stringify(rejected)))
		.where(and(sql`"messages"."id" = ${field("id")}`, eq(messages.status, "queued")));
