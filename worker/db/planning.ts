import { and, asc, eq, gte, isNotNull, lt, ne, sql } from "drizzle-orm";
import { BROADCAST } from "./campaigns";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { journeys } from "./schema-journeys";

const campaignDay = sql<number>`coalesce(${campaigns.startedAt}, ${campaigns.sendAt})`;

/** A workspace's (broadcast) campaigns sent or due to send in `[from, to)`, earliest first; at most `limit`. */
export function campaignsOnCalendar(db: Db, workspaceId: string, from: Date, to: Date, limit: number) {
	return db
		.select({
			id: campaigns.id,
			name: campaigns.name,
			status: campaigns.status,
			sendAt: campaigns.sendAt,
			startedAt: campaigns.startedAt,
			createdAt: campaigns.createdAt,
		})
		.from(campaigns)
		.where(
			and(
				eq(campaigns.workspaceId, workspaceId),
				BROADCAST,
				ne(campaigns.status, "cancelled"),
				gte(campaignDay, from.getTime()),
				lt(campaignDay, to.getTime()),
			),
		)
		.orderBy(asc(campaignDay))
		.limit(limit);
}

/** A workspace's journeys activated in `[from, to)`, earliest first. */
export function journeysOnCalendar(db: Db, workspaceId: string, from: Date, to: Date, limit: number) {
	return db
		.select({ id: journeys.id, name: journeys.name, status: journeys.status, activatedAt: journeys.activatedAt })
		.from(journeys)
		.where(
			and(
				eq(journeys.workspaceId, workspaceId),
				isNotNull(journeys.activatedAt),
				gte(journeys.activatedAt, from),
				lt(journeys.activatedAt, to),
			),
		)
		.orderBy(asc(journeys.activatedAt))
		.limit(limit);
}
