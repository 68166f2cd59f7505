import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { messages } from "./schema-contacts";
import { journeys } from "./schema-journeys";

const num = (v: unknown) => Number(v ?? 0);

/** How a finished campaign's recipients ended: sent (accepted), failed, and one failure's reason. */
export async function campaignOutcome(db: Db, campaignId: string) {
	const [row] = await db
		.select({
			sent: sql`sum(${messages.status} IN ('sent', 'delivered', 'bounced', 'complained'))`.mapWith(num),
			failed: sql`sum(${messages.status} = 'failed')`.mapWith(num),
			error: sql<string | null>`max(${messages.lastError}) filter (where ${messages.status} = 'failed')`,
		})
		.from(messages)
		.where(eq(messages.campaignId, campaignId));
	return { sent: row?.sent ?? 0, failed: row?.failed ?? 0, error: row?.error ?? null };
}

/** What a chunk was sent for: a broadcast (its name) or a journey's hidden send campaign (the journey's id and name). */
export async function sendSource(db: Db, workspaceId: string, campaignId: string) {
	const [row] = await db
		.select({ name: campaigns.name, kind: campaigns.kind, journeyId: campaigns.journeyId, journeyName: journeys.name })
		.from(campaigns)
		.leftJoin(journeys, eq(journeys.id, campaigns.journeyId))
		.where(and(eq(campaigns.id, campaignId), eq(campaigns.workspaceId, workspaceId)))
		.limit(1);
	return row;
}
