import { and, desc, eq, sql } from "drizzle-orm";
import type { JourneyDefinition } from "../contracts/journeys";
import type { SegmentDefinition } from "../contracts/segments";
import { compileSegment } from "../domain/segments/compile";
import type { Db } from "./client";
import { c, inJson, segmentCondition } from "./contacts";
import { columns, field, jsonRows, value } from "./json-each";
import { journeyEnrollmentsIndex } from "./schema-journey-index";
import { journeys, journeyVersions } from "./schema-journeys";

/* What the journey engine (shards, EVENTS consumer) reads and writes in D1. */

export type EngineJourney = {
	id: string;
	workspaceId: string;
	status: string;
	version: number;
	transactional: boolean;
	definition: JourneyDefinition;
};

export async function engineJourney(db: Db, journeyId: string): Promise<EngineJourney | undefined> {
	const [row] = await db
		.select({
			id: journeys.id,
			workspaceId: journeys.workspaceId,
			status: journeys.status,
			version: journeys.version,
			transactional: journeys.transactional,
			definition: journeys.definition,
		})
		.from(journeys)
		.where(eq(journeys.id, journeyId));
	return row;
}

export async function journeyVersionDefinition(db: Db, journeyId: string, version: number) {
	const [row] = await db
		.select({ definition: journeyVersions.definition })
		.from(journeyVersions)
		.where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.version, version)));
	return row?.definition;
}

/** Every version of the running (active or paused) journeys of these workspaces, in one read. */
export function runningJourneyVersions(db: Db, workspaceIds: string[]) {
	return db
		.select({
			id: journeys.id,
			workspaceId: journeys.workspaceId,
			status: journeys.status,
			version: journeys.version,
			definition: journeyVersions.definition,
		})
		.from(journeyVersions)
		.innerJoin(journeys, eq(journeys.id, journeyVersions.journeyId))
		.where(and(inJson(journeys.workspaceId, workspaceIds), sql`${journeys.status} IN ('active', 'paused')`));
}

/** Every version of the active journeys (every workspace): the cron's exit reconciliation reads their exits. */
export function activeJourneyVersionExits(db: Db) {
	return db
		.select({ id: journeys.id, version: journeyVersions.version, definition: journeyVersions.definition })
		.from(journeyVersions)
		.innerJoin(journeys, eq(journeys.id, journeyVersions.journeyId))
		.where(eq(journeys.status, "active"));
}

/** The contacts a shard steps (what the executor reads: status, time zone, attributes). */
export function journeyContacts(db: Db, workspaceId: string, contactIds: string[]) {
	return db
		.select({
			id: c.id,
			email: c.email,
			status: c.status,
			timezone: c.timezone,
			attributes: c.attributes,
			firstName: c.firstName,
			lastName: c.lastName,
			locale: c.locale,
			createdAt: c.createdAt,
		})
		.from(c)
		.where(and(eq(c.workspaceId, workspaceId), inJson(c.id, contactIds)));
}

/** Which of these contacts match a segment rule tree now (the segment compiler's SQL, limited to them). */
export async function contactsMatching(
	db: Db,
	workspaceId: string,
	contactIds: string[],
	definition: SegmentDefinition,
	now: number,
): Promise<Set<string>> {
	if (contactIds.length === 0) return new Set();
	const compiled = compileSegment(definition, { workspaceId, now });
	const rows = await db
		.select({ id: c.id })
		.from(c)
		.where(and(eq(c.workspaceId, workspaceId), inJson(c.id, contactIds), segmentCondition(compiled)));
	return new Set(rows.map((r) => r.id));
}

/** A segment's members after `afterId`, in id order (activation with `include_existing`). */
export async function segmentMembersPage(
	db: Db,
	workspaceId: string,
	definition: SegmentDefinition,
	afterId: string,
	limit: number,
	now: number,
) {
	const compiled = compileSegment(definition, { workspaceId, now });
	const rows = await db
		.select({ id: c.id })
		.from(c)
		.where(and(eq(c.workspaceId, workspaceId), sql`${c.id} > ${afterId}`, segmentCondition(compiled)))
		.orderBy(c.id)
		.limit(limit);
	return rows.map((r) => r.id);
}

export type IndexRow = { enrollment_id: string; contact_id: string; status: string; updated_at: number };

/** Mirrors enrollment statuses (one statement for the rows, as JSON). */
export async function mirrorEnrollments(db: Db, workspaceId: string, journeyId: string, rows: IndexRow[]) {
	if (rows.length === 0) return;
	await db
		.insert(journeyEnrollmentsIndex)
		.select(
			db
				.select(
					columns({
						journeyId: value(journeyId),
						contactId: field("contact_id"),
						enrollmentId: field("enrollment_id"),
						workspaceId: value(workspaceId),
						status: field("status"),
						updatedAt: field<number>("updated_at"),
					}),
				)
				.from(jsonRows(JSON.stringify(rows)))
				.where(sql`true`),
		)
		.onConflictDoUpdate({
			target: [journeyEnrollmentsIndex.journeyId, journeyEnrollmentsIndex.enrollmentId],
			set: { status: sql`excluded.status`, updatedAt: sql`excluded.updated_at` },
		});
}

/** The journeys a contact has been in (newest change first). */
export function contactJourneyIds(db: Db, workspaceId: string, contactId: string, limit: number) {
	return db
		.selectDistinct({ journeyId: journeyEnrollmentsIndex.journeyId, name: journeys.name })
		.from(journeyEnrollmentsIndex)
		.innerJoin(journeys, eq(journeys.id, journeyEnrollmentsIndex.journeyId))
		.where(and(eq(journeyEnrollmentsIndex.contactId, contactId), eq(journeyEnrollmentsIndex.workspaceId, workspaceId)))
		.orderBy(desc(journeyEnrollmentsIndex.updatedAt))
		.limit(limit);
}

/** Whether the workspace has a journey running (active or paused): contact changes matter to journeys only then. */
export async function hasRunningJourney(db: Db, workspaceId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: journeys.id })
		.from(journeys)
		.where(and(eq(journeys.workspaceId, workspaceId), sql`${journeys.status} IN ('active', 'paused')`))
		.limit(1);
	return row !== undefined;
}
