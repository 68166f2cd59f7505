import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { messages } from "./schema-contacts";

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
