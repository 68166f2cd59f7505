import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { segments } from "./schema-contacts";
import { journeys, journeyVersions } from "./schema-journeys";
import { templates } from "./schema-templates";

export type JourneyRow = typeof journeys.$inferSelect;

export async function findJourney(db: Db, workspaceId: string, id: string): Promise<JourneyRow | undefined> {
	const [row] = await db
		.select()
		.from(journeys)
		.where(and(eq(journeys.id, id), eq(journeys.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

/** A page of the workspace's journeys, newest first, after the id `before` ("~" for the first page). */
export function journeysPage(db: Db, workspaceId: string, before: string, limit: number) {
	return db
		.select()
		.from(journeys)
		.where(and(eq(journeys.workspaceId, workspaceId), lt(journeys.id, before)))
		.orderBy(desc(journeys.id))
		.limit(limit);
}

export async function insertJourney(db: Db, row: typeof journeys.$inferInsert): Promise<JourneyRow> {
	const [inserted] = await db.insert(journeys).values(row).returning();
	if (!inserted) throw new Error("journey not stored");
	return inserted;
}

/**
 * Changes a journey if it is still in the status it was read in (`expected`), so two concurrent commands cannot
 * both apply; answers the new row, or undefined when the status moved meanwhile.
 */
export async function updateJourney(
	db: Db,
	row: Pick<JourneyRow, "id" | "workspaceId" | "status">,
	change: Partial<Omit<JourneyRow, "id" | "workspaceId" | "createdAt">>,
): Promise<JourneyRow | undefined> {
	const [updated] = await db
		.update(journeys)
		.set({ ...change, updatedAt: new Date() })
		.where(and(eq(journeys.id, row.id), eq(journeys.workspaceId, row.workspaceId), eq(journeys.status, row.status)))
		.returning();
	return updated;
}

/** Records a version of the definition as it was activated (the statement, for a batch with the update). */
export const insertJourneyVersion = (db: Db, row: typeof journeyVersions.$inferInsert) =>
	db.insert(journeyVersions).values(row).onConflictDoNothing();

export async function deleteJourney(db: Db, workspaceId: string, id: string): Promise<boolean> {
	const gone = await db
		.delete(journeys)
		.where(and(eq(journeys.id, id), eq(journeys.workspaceId, workspaceId)))
		.returning({ id: journeys.id });
	return gone.length > 0;
}

/** Which of these templates and segments exist in the workspace. */
export async function existingReferences(
	db: Db,
	workspaceId: string,
	wanted: { templateIds: string[]; segmentIds: string[] },
) {
	const [foundTemplates, foundSegments] = await Promise.all([
		wanted.templateIds.length
			? db
					.select({ id: templates.id })
					.from(templates)
					.where(and(eq(templates.workspaceId, workspaceId), inJson(templates.id, wanted.templateIds)))
			: [],
		wanted.segmentIds.length
			? db
					.select({ id: segments.id })
					.from(segments)
					.where(and(eq(segments.workspaceId, workspaceId), inJson(segments.id, wanted.segmentIds)))
			: [],
	]);
	return { templateIds: new Set(foundTemplates.map((r) => r.id)), segmentIds: new Set(foundSegments.map((r) => r.id)) };
}
