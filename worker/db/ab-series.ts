import { and, count, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { AbMetric } from "../domain/ab/metric";
import type { BucketCount } from "../domain/ab/series";
import { inTest } from "./ab-counts";
import type { Db } from "./client";
import { events, messages, trackingEvents } from "./schema-contacts";

const num = (value: unknown) => Number(value ?? 0);
const t = trackingEvents;

/**
 * The test's people per arm and time bucket, for the results chart: when each was reached (delivered, or sent when
 * deliveries are not reported) and when each first succeeded (a human click or open, or the goal event within its
 * window). One batch of two grouped reads.
 */
export async function armBuckets(
	db: Db,
	campaignId: string,
	options: {
		winnerFromChunk: string | null;
		metric: AbMetric;
		deliveriesReported: boolean;
		goal: { event: string; windowMs: number } | null;
		start: number;
		width: number;
	},
): Promise<{ reached: BucketCount[]; successes: BucketCount[] }> {
	const test = inTest(campaignId, options.winnerFromChunk);
	// Whole numbers inlined, so the grouped expression is the selected one.
	const [start, width] = [options.start, options.width].map((v) => sql.raw(String(Math.trunc(v))));
	const bucket = (at: unknown) => sql<number>`CAST((${at} - ${start}) / ${width} AS INTEGER)`;
	const reachedAt = options.deliveriesReported ? messages.deliveredAt : messages.sentAt;
	const reachedStatuses = options.deliveriesReported
		? ["delivered", "complained"]
		: ["sent", "delivered", "bounced", "complained"];
	const reached = db
		.select({ variantId: sql<string>`${messages.variantId}`, bucket: bucket(reachedAt), count: count() })
		.from(messages)
		.where(and(test, isNotNull(reachedAt), inArray(messages.status, reachedStatuses)))
		.groupBy(messages.variantId, bucket(reachedAt));
	const firsts =
		options.metric === "conversion"
			? db
					.select({ variantId: messages.variantId, at: sql<number>`min(${events.occurredAt})`.as("first_at") })
					.from(messages)
					.innerJoin(
						events,
						and(
							eq(events.contactId, messages.contactId),
							eq(events.name, options.goal?.event ?? ""),
							sql`${events.occurredAt} >= coalesce(${messages.deliveredAt}, ${messages.sentAt})`,
							sql`${events.occurredAt} <= coalesce(${messages.deliveredAt}, ${messages.sentAt}) + ${options.goal?.windowMs ?? 0}`,
						),
					)
					.where(and(test, options.goal ? undefined : sql`0`))
					.groupBy(messages.contactId, messages.variantId)
					.as("firsts")
			: db
					.select({ variantId: messages.variantId, at: sql<number>`min(${t.occurredAt})`.as("first_at") })
					.from(t)
					.innerJoin(messages, eq(messages.id, t.messageId))
					.where(
						and(
							eq(t.campaignId, campaignId),
							eq(t.kind, options.metric === "opens" ? "open" : "click"),
							isNull(t.flag),
							test,
						),
					)
					.groupBy(t.contactId, messages.variantId)
					.as("firsts");
	const successes = db
		.select({ variantId: sql<string>`${firsts.variantId}`, bucket: bucket(firsts.at), count: count() })
		.from(firsts)
		.groupBy(firsts.variantId, bucket(firsts.at));
	const [r, s] = await db.batch([reached, successes]);
	const rows = (list: { variantId: string; bucket: number; count: number }[]) =>
		list.map((row) => ({ variantId: row.variantId, bucket: num(row.bucket), count: num(row.count) }));
	return { reached: rows(r), successes: rows(s) };
}
