import { and, count, desc, eq, gte, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Conversion, Touch } from "../domain/conversions/attribution";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { campaigns } from "./schema-campaigns";
import { events, messages, trackingEvents } from "./schema-contacts";
import { conversionGoals } from "./schema-conversions";

export type ConversionGoalRow = typeof conversionGoals.$inferSelect;
export type GoalInput = Omit<ConversionGoalRow, "workspaceId" | "updatedAt">;

/** How many goal events one report reads at most (the newest); the answer says when it stopped there. */
export const CONVERSIONS_READ_LIMIT = 20_000;

export async function goalOf(db: Db, workspaceId: string): Promise<ConversionGoalRow | null> {
	const [row] = await db.select().from(conversionGoals).where(eq(conversionGoals.workspaceId, workspaceId));
	return row ?? null;
}

export async function saveGoal(db: Db, workspaceId: string, goal: GoalInput): Promise<ConversionGoalRow> {
	const values = { ...goal, workspaceId, updatedAt: new Date() };
	const [row] = await db
		.insert(conversionGoals)
		.values(values)
		.onConflictDoUpdate({ target: conversionGoals.workspaceId, set: values })
		.returning();
	if (!row) throw new Error("conversion goal not stored");
	return row;
}

export async function deleteGoal(db: Db, workspaceId: string): Promise<boolean> {
	const gone = await db
		.delete(conversionGoals)
		.where(eq(conversionGoals.workspaceId, workspaceId))
		.returning({ id: conversionGoals.workspaceId });
	return gone.length > 0;
}

/** The revenue property's value (a JSON path bound as a parameter; the name was checked to be a plain word). */
const revenue = (property: string | null) =>
	property ? sql<unknown>`json_extract(${events.properties}, ${`$."${property}"`})` : sql<unknown>`0`;

/** A goal event as read: its revenue property's raw value. */
export type GoalEvent = Omit<Conversion, "revenue"> & { revenue: unknown };

const asGoalEvents = (rows: { contactId: string; at: Date; revenue: unknown }[]): GoalEvent[] =>
	rows.map((r) => ({ contactId: r.contactId, at: r.at.getTime(), revenue: r.revenue }));

/** Goal events of the campaign's recipients that happened after their email was sent (newest first, bounded). */
export async function campaignGoalEvents(db: Db, workspaceId: string, campaignId: string, goal: GoalInput) {
	const rows = await db
		.select({ contactId: events.contactId, at: events.occurredAt, revenue: revenue(goal.revenueProperty) })
		.from(messages)
		.innerJoin(
			events,
			and(
				eq(events.contactId, messages.contactId),
				eq(events.name, goal.event),
				gte(events.occurredAt, messages.sentAt),
			),
		)
		.where(and(eq(messages.campaignId, campaignId), eq(messages.workspaceId, workspaceId), isNotNull(messages.sentAt)))
		.orderBy(desc(events.occurredAt))
		.limit(CONVERSIONS_READ_LIMIT);
	return asGoalEvents(rows);
}

/** Goal events of the workspace since a time (newest first, bounded). */
export async function goalEventsSince(db: Db, workspaceId: string, goal: GoalInput, since: Date) {
	const rows = await db
		.select({ contactId: events.contactId, at: events.occurredAt, revenue: revenue(goal.revenueProperty) })
		.from(events)
		.where(and(eq(events.workspaceId, workspaceId), eq(events.name, goal.event), gte(events.occurredAt, since)))
		.orderBy(desc(events.occurredAt))
		.limit(CONVERSIONS_READ_LIMIT);
	return asGoalEvents(rows);
}

/** Human clicks (and opens, if they count) of campaign emails by these contacts since a time. */
export async function touchesOf(
	db: Db,
	workspaceId: string,
	contactIds: string[],
	since: Date,
	touch: GoalInput["touch"],
): Promise<Touch[]> {
	if (contactIds.length === 0) return [];
	const t = trackingEvents;
	const rows = await db
		.select({ contactId: t.contactId, source: t.campaignId, at: t.occurredAt })
		.from(t)
		.where(
			and(
				inJson(t.contactId, contactIds),
				eq(t.workspaceId, workspaceId),
				inArray(t.kind, touch === "click" ? ["click"] : ["click", "open"]),
				isNull(t.flag),
				isNotNull(t.campaignId),
				gte(t.occurredAt, since),
			),
		);
	return rows.map((r) => ({ contactId: r.contactId, source: r.source ?? "", at: r.at.getTime() }));
}

/** Recipients the campaign's email went out to. */
export async function campaignRecipients(db: Db, campaignId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(messages)
		.where(and(eq(messages.campaignId, campaignId), isNotNull(messages.sentAt)));
	return row?.n ?? 0;
}

export async function campaignNames(db: Db, workspaceId: string, ids: string[]) {
	if (ids.length === 0) return new Map<string, string>();
	const rows = await db
		.select({ id: campaigns.id, name: campaigns.name })
		.from(campaigns)
		.where(and(eq(campaigns.workspaceId, workspaceId), inJson(campaigns.id, ids)));
	return new Map(rows.map((r) => [r.id, r.name]));
}
