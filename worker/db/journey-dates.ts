import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { c } from "./contacts";
import { journeys } from "./schema-journeys";

/** Active journeys (every workspace) with their current definitions. */
export const activeJourneys = (db: Db) =>
	db
		.select({ id: journeys.id, workspaceId: journeys.workspaceId, definition: journeys.definition })
		.from(journeys)
		.where(eq(journeys.status, "active"));

/** Active journeys (every workspace) with this kind of entry: date (the daily pass), segment (reconciliation). */
export async function activeJourneysEntering(db: Db, type: "date" | "segment") {
	return (await activeJourneys(db)).filter((r) => r.definition.entry.type === type);
}

export const activeDateJourneys = (db: Db) => activeJourneysEntering(db, "date");

/**
 * Subscribed contacts whose date attribute (`YYYY-MM-DD…`) falls on the month and day `md` (`MM-DD`), after
 * `afterId` in id order, with their time zone.
 */
export function contactsOnMonthDay(
	db: Db,
	workspaceId: string,
	attribute: string,
	md: string,
	afterId: string,
	limit: number,
) {
	return db
		.select({ id: c.id, timezone: c.timezone })
		.from(c)
		.where(
			and(
				eq(c.workspaceId, workspaceId),
				gt(c.id, afterId),
				eq(c.status, "subscribed"),
				sql`substr(${c.attributes} ->> ${attribute}, 6, 5) = ${md}`,
			),
		)
		.orderBy(asc(c.id))
		.limit(limit);
}
