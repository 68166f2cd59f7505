import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { contactConsentHistory } from "./schema-consent";
import { contactStatusHistory, events, messages, trackingEvents } from "./schema-contacts";
import { journeyEnrollmentsIndex } from "./schema-journey-index";
import { journeys } from "./schema-journeys";

/** Where a source's page starts (see `boundFor` in domain/reports/timeline-cursor.ts). */
export type TimelineBound =
	| { at: number; sameAt: "all" | "none" }
	| { at: number; sameAt: "below"; idBelow: string }
	| null;

type Source = { workspaceId: string; contactId: string; bound: TimelineBound; limit: number };

/** Rows older than the bound (ms), or as old and allowed by the kind/id tie-break. */
function startingAfter(at: SQL | SQLiteColumn, id: SQL | SQLiteColumn, bound: TimelineBound) {
	if (!bound) return undefined;
	if (bound.sameAt === "all") return sql`${at} <= ${bound.at}`;
	if (bound.sameAt === "none") return sql`${at} < ${bound.at}`;
	if (bound.sameAt === "below") return sql`(${at} < ${bound.at} OR (${at} = ${bound.at} AND ${id} < ${bound.idBelow}))`;
	return undefined;
}

const t = trackingEvents;
const countOf = (kind: "open" | "click", human: boolean) =>
	sql<number>`(SELECT count(*) FROM ${t} WHERE ${t.contactId} = ${messages.contactId} AND ${t.kind} = ${kind} AND ${t.messageId} = ${messages.id} AND ${t.flag} ${human ? sql`IS NULL` : sql`IS NOT NULL`})`;

/** A contact's messages (newest first), each with its campaign's name and its people's and machines' opens and clicks. */
export function timelineMessages(db: Db, s: Source) {
	const at = sql<number>`coalesce(${messages.sentAt}, ${messages.createdAt})`;
	return db
		.select({
			id: messages.id,
			at: at.mapWith(Number),
			campaignId: messages.campaignId,
			campaignName: campaigns.name,
			status: messages.status,
			sentAt: messages.sentAt,
			openedAt: messages.openedAt,
			clickedAt: messages.clickedAt,
			opens: countOf("open", true).mapWith(Number),
			machineOpens: countOf("open", false).mapWith(Number),
			clicks: countOf("click", true).mapWith(Number),
			botClicks: countOf("click", false).mapWith(Number),
		})
		.from(messages)
		.leftJoin(campaigns, eq(campaigns.id, messages.campaignId))
		.where(
			and(
				eq(messages.contactId, s.contactId),
				eq(messages.workspaceId, s.workspaceId),
				startingAfter(at, sql`${messages.id}`, s.bound),
			),
		)
		.orderBy(desc(at), desc(messages.id))
		.limit(s.limit);
}

/** A contact's opens or clicks (newest first), machine opens and bot clicks included with their flag. */
export function timelineTracking(db: Db, kind: "open" | "click", s: Source) {
	return db
		.select({
			id: t.id,
			at: t.occurredAt,
			campaignId: t.campaignId,
			campaignName: campaigns.name,
			url: t.url,
			flag: t.flag,
		})
		.from(t)
		.leftJoin(campaigns, eq(campaigns.id, t.campaignId))
		.where(
			and(
				eq(t.contactId, s.contactId),
				inArray(t.kind, [kind]),
				eq(t.workspaceId, s.workspaceId),
				startingAfter(t.occurredAt, t.id, s.bound),
			),
		)
		.orderBy(desc(t.occurredAt), desc(t.id))
		.limit(s.limit);
}

/** A contact's custom events, newest first. */
export function timelineEvents(db: Db, s: Source) {
	return db
		.select({ id: events.id, at: events.occurredAt, name: events.name, properties: events.properties })
		.from(events)
		.where(
			and(
				eq(events.contactId, s.contactId),
				eq(events.workspaceId, s.workspaceId),
				startingAfter(events.occurredAt, events.id, s.bound),
			),
		)
		.orderBy(desc(events.occurredAt), desc(events.id))
		.limit(s.limit);
}

/** A contact's status changes, newest first. */
export function timelineStatusChanges(db: Db, s: Source) {
	const h = contactStatusHistory;
	return db
		.select({ id: h.id, at: h.createdAt, from: h.fromStatus, to: h.toStatus, source: h.source })
		.from(h)
		.where(
			and(eq(h.contactId, s.contactId), eq(h.workspaceId, s.workspaceId), startingAfter(h.createdAt, h.id, s.bound)),
		)
		.orderBy(desc(h.createdAt), desc(h.id))
		.limit(s.limit);
}

/** A contact's consent records, newest first. */
export function timelineConsent(db: Db, s: Source) {
	const h = contactConsentHistory;
	return db
		.select({ id: h.id, at: h.givenAt, source: h.source, text: h.text })
		.from(h)
		.where(and(eq(h.contactId, s.contactId), eq(h.workspaceId, s.workspaceId), startingAfter(h.givenAt, h.id, s.bound)))
		.orderBy(desc(h.givenAt), desc(h.id))
		.limit(s.limit);
}

/** Whether any consent record of the contact was kept in the history. */
export async function hasConsentHistory(db: Db, contactId: string): Promise<boolean> {
	const h = contactConsentHistory;
	const [row] = await db.select({ id: h.id }).from(h).where(eq(h.contactId, contactId)).limit(1);
	return row !== undefined;
}

/** A contact's journey enrollments at their latest change (newest first), from the index the shards mirror to. */
export function timelineJourneys(db: Db, s: Source) {
	const j = journeyEnrollmentsIndex;
	return db
		.select({
			id: j.enrollmentId,
			at: j.updatedAt,
			journeyId: j.journeyId,
			journeyName: journeys.name,
			status: j.status,
		})
		.from(j)
		.innerJoin(journeys, eq(journeys.id, j.journeyId))
		.where(
			and(
				eq(j.contactId, s.contactId),
				eq(j.workspaceId, s.workspaceId),
				startingAfter(j.updatedAt, j.enrollmentId, s.bound),
			),
		)
		.orderBy(desc(j.updatedAt), desc(j.enrollmentId))
		.limit(s.limit);
}
