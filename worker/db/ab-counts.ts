import { and, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "./client";
import { events, messages, trackingEvents } from "./schema-contacts";

/** What one arm of an A/B test did, counted in people (machine opens and bot clicks never count). */
export type ArmCounts = {
	variantId: string;
	sent: number;
	delivered: number;
	opens: number;
	clicks: number;
	conversions: number;
	unsubscribes: number;
	complaints: number;
};

const num = (value: unknown) => Number(value ?? 0);
const t = trackingEvents;

/**
 * The test's messages: every message with a variant, but once the winner phase began, only those in the chunks
 * before its first (chunk ids sort by sequence), so the winner's sends never count in its own test.
 */
export function inTest(campaignId: string, winnerFromChunk: string | null): SQL | undefined {
	return and(
		eq(messages.campaignId, campaignId),
		isNotNull(messages.variantId),
		winnerFromChunk ? sql`${messages.chunkId} < ${winnerFromChunk}` : undefined,
	);
}

/**
 * Per arm, from D1: sent and delivered from the message log, people who opened, clicked, unsubscribed or
 * complained from the tracking events, and (with a goal) people whose goal event came within the window after
 * their email was delivered (sent, when deliveries are not reported). One batch of three grouped reads.
 */
export async function armCounts(
	db: Db,
	campaignId: string,
	options: { winnerFromChunk: string | null; goal: { event: string; windowMs: number } | null },
): Promise<Map<string, ArmCounts>> {
	const test = inTest(campaignId, options.winnerFromChunk);
	// The kinds are constants, inlined: bound inside the select list they would be numbered out of order.
	const people = (kind: "open" | "click" | "unsubscribe" | "complaint", humanOnly: boolean) =>
		sql`count(DISTINCT CASE WHEN ${t.kind} = '${sql.raw(kind)}'${humanOnly ? sql` AND ${t.flag} IS NULL` : sql``} THEN ${t.contactId} END)`.mapWith(
			num,
		);
	const reached = sql`coalesce(${messages.deliveredAt}, ${messages.sentAt})`;
	const goal = options.goal;
	const [statuses, tracking, conversions] = await db.batch([
		db
			.select({
				variantId: sql<string>`${messages.variantId}`,
				sent: sql`sum(${messages.status} IN ('sent', 'delivered', 'bounced', 'complained'))`.mapWith(num),
				delivered: sql`sum(${messages.status} IN ('delivered', 'complained'))`.mapWith(num),
				complained: sql`sum(${messages.status} = 'complained')`.mapWith(num),
			})
			.from(messages)
			.where(test)
			.groupBy(messages.variantId),
		db
			.select({
				variantId: sql<string>`${messages.variantId}`,
				opens: people("open", true),
				clicks: people("click", true),
				unsubscribes: people("unsubscribe", false),
				complaints: people("complaint", false),
			})
			.from(t)
			.innerJoin(messages, eq(messages.id, t.messageId))
			.where(and(eq(t.campaignId, campaignId), inArray(t.kind, ["open", "click", "unsubscribe", "complaint"]), test))
			.groupBy(messages.variantId),
		db
			.select({
				variantId: sql<string>`${messages.variantId}`,
				conversions: sql`count(DISTINCT ${messages.contactId})`.mapWith(num),
			})
			.from(messages)
			.innerJoin(
				events,
				and(
					eq(events.contactId, messages.contactId),
					eq(events.name, goal?.event ?? ""),
					sql`${events.occurredAt} >= ${reached}`,
					sql`${events.occurredAt} <= ${reached} + ${goal?.windowMs ?? 0}`,
				),
			)
			.where(and(test, isNotNull(messages.sentAt), goal ? undefined : sql`0`))
			.groupBy(messages.variantId),
	]);
	const arms = new Map<string, ArmCounts>();
	const arm = (variantId: string) => {
		let a = arms.get(variantId);
		if (!a) {
			a = { variantId, sent: 0, delivered: 0, opens: 0, clicks: 0, conversions: 0, unsubscribes: 0, complaints: 0 };
			arms.set(variantId, a);
		}
		return a;
	};
	for (const r of statuses)
		Object.assign(arm(r.variantId), { sent: r.sent, delivered: r.delivered, complaints: r.complained });
	for (const r of tracking) {
		const a = arm(r.variantId);
		Object.assign(a, { opens: r.opens, clicks: r.clicks, unsubscribes: r.unsubscribes });
		a.complaints = Math.max(a.complaints, r.complaints);
	}
	for (const r of conversions) arm(r.variantId).conversions = r.conversions;
	return arms;
}
