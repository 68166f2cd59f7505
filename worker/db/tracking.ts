import { and, count, eq, gte, inArray, isNull, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Db } from "./client";
import { messages, trackingEvents } from "./schema-contacts";

export type TrackingEventRow = typeof trackingEvents.$inferInsert;
export type TrackedMessage = Pick<
	typeof messages.$inferSelect,
	"id" | "workspaceId" | "campaignId" | "contactId" | "sentAt"
>;

/** `column IN (values)` with one bound parameter, whatever the number of values (D1 binds at most 100). */
const inJson = (column: SQLWrapper, values: string[]): SQL =>
	sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** Rows per insert statement: 10 columns each, under D1's 100 bound parameters. */
const ROWS_PER_INSERT = 9;

/** The messages a batch of hits is about (events of messages Pulse never sent find nothing). */
export async function trackedMessages(db: Db, ids: string[]): Promise<TrackedMessage[]> {
	if (ids.length === 0) return [];
	return db
		.select({
			id: messages.id,
			workspaceId: messages.workspaceId,
			campaignId: messages.campaignId,
			contactId: messages.contactId,
			sentAt: messages.sentAt,
		})
		.from(messages)
		.where(inJson(messages.id, ids));
}

/** Clicks of these messages stored since `since` (a scanner's burst can span batches). */
export async function recentClicks(db: Db, messageIds: string[], since: number) {
	return db
		.select({
			id: trackingEvents.id,
			messageId: trackingEvents.messageId,
			url: trackingEvents.url,
			occurredAt: trackingEvents.occurredAt,
			flag: trackingEvents.flag,
		})
		.from(trackingEvents)
		.where(
			and(
				eq(trackingEvents.kind, "click"),
				gte(trackingEvents.occurredAt, new Date(since)),
				inJson(trackingEvents.messageId, messageIds),
			),
		);
}

export type Recorded = {
	/** Dedupe keys of the rows this call inserted (a redelivered batch inserts none). */
	inserted: Set<string>;
	/** Stored clicks that turned out to be part of a scanner's burst, flagged `bot` by this call. */
	flaggedEarlier: number;
	/** After the insert, in the same transaction: people's events per campaign, contact, kind and link. */
	humanCounts: { campaignId: string | null; contactId: string; kind: string; url: string | null; n: number }[];
};

/**
 * Writes a batch of tracking events in one transaction: flags earlier clicks found to be bots, inserts
 * the rows (a dedupe key already stored inserts nothing), sets each message's first open and click
 * by a person, and counts people's events of the contacts involved, so the caller can tell which
 * inserted rows are a contact's first (unique opens and clicks) without a race with another batch.
 */
export async function recordTrackingEvents(db: Db, rows: TrackingEventRow[], earlierBots: string[]): Promise<Recorded> {
	const people = rows
		.filter((r) => r.flag == null && (r.kind === "open" || r.kind === "click"))
		.map((r) => ({ message_id: r.messageId, kind: r.kind, at: r.occurredAt.getTime() }));
	const firstTimes = JSON.stringify(people);
	const firstOf = (kind: "open" | "click") =>
		sql`(SELECT min(j.value->>'$.at') FROM json_each(${firstTimes}) j WHERE j.value->>'$.message_id' = messages.id AND j.value->>'$.kind' = ${kind})`;
	const flag = db
		.update(trackingEvents)
		.set({ flag: "bot" })
		.where(and(inJson(trackingEvents.id, earlierBots), isNull(trackingEvents.flag)))
		.returning({ id: trackingEvents.id });
	const inserts = [];
	for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
		inserts.push(
			db
				.insert(trackingEvents)
				.values(rows.slice(i, i + ROWS_PER_INSERT))
				.onConflictDoNothing()
				.returning({ dedupeKey: trackingEvents.dedupeKey }),
		);
	const firsts = db
		.update(messages)
		.set({
			openedAt: sql`coalesce(${messages.openedAt}, ${firstOf("open")})`,
			clickedAt: sql`coalesce(${messages.clickedAt}, ${firstOf("click")})`,
		})
		.where(sql`${messages.id} IN (SELECT j.value->>'$.message_id' FROM json_each(${firstTimes}) j)`);
	const counts = db
		.select({
			campaignId: trackingEvents.campaignId,
			contactId: trackingEvents.contactId,
			kind: trackingEvents.kind,
			url: trackingEvents.url,
			n: count(),
		})
		.from(trackingEvents)
		.where(
			and(
				isNull(trackingEvents.flag),
				inArray(trackingEvents.kind, ["open", "click", "unsubscribe"]),
				inJson(trackingEvents.contactId, [...new Set(rows.map((r) => r.contactId))]),
				inJson(trackingEvents.campaignId, [...new Set(rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])))]),
			),
		)
		.groupBy(trackingEvents.campaignId, trackingEvents.contactId, trackingEvents.kind, trackingEvents.url);
	const [flagged, ...rest] = await db.batch([flag, ...inserts, firsts, counts]);
	const insertedRows = rest.slice(0, inserts.length) as { dedupeKey: string | null }[][];
	const humanCounts = rest[rest.length - 1] as Recorded["humanCounts"];
	return {
		inserted: new Set(insertedRows.flat().flatMap((r) => (r.dedupeKey ? [r.dedupeKey] : []))),
		flaggedEarlier: flagged.length,
		humanCounts,
	};
}
