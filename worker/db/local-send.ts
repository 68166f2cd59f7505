import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";
import { messages } from "./schema-contacts";

/** What a broadcast's fan-out decides with besides its audience: its local send time, the workspace's zone and cap. */
export function fanoutRulesOf(db: Db, campaignId: string) {
	return db
		.select({
			localTime: campaigns.localTime,
			sendAt: campaigns.sendAt,
			startedAt: campaigns.startedAt,
			timezone: workspaces.timezone,
			frequencyCapMax: workspaces.frequencyCapMax,
			frequencyCapPer: workspaces.frequencyCapPer,
		})
		.from(campaigns)
		.innerJoin(workspaces, eq(workspaces.id, campaigns.workspaceId))
		.where(eq(campaigns.id, campaignId))
		.get();
}

/** Written out (not bound) so the query matches the partial index `messages_campaign_due`. */
const waitingForTime = sql`${messages.status} = 'queued' AND ${messages.chunkId} IS NULL`;

/** A local-time send's recipients now due and not yet in a chunk, earliest first. */
export async function dueMessageIds(db: Db, campaignId: string, now: number, limit: number) {
	const rows = await db
		.select({ id: messages.id })
		.from(messages)
		.where(sql`${messages.campaignId} = ${campaignId} AND ${waitingForTime} AND ${messages.scheduledFor} <= ${now}`)
		.orderBy(messages.scheduledFor, messages.id)
		.limit(limit);
	return rows.map((r) => r.id);
}

/**
 * Puts due recipients in their chunks, in one transaction: the chunks (numbered after the campaign's last), each
 * recipient's chunk. Answers whether recipients still wait for their time.
 */
export async function chunkDueMessages(
	db: Db,
	workspaceId: string,
	campaignId: string,
	groups: { chunkId: string; messageIds: string[] }[],
) {
	const d1 = db.$client;
	const rows = groups.flatMap((g) => g.messageIds.map((id) => ({ id, chunk_id: g.chunkId })));
	const [, , waiting] = await d1.batch([
		d1
			.prepare(
				`INSERT INTO chunks (id, workspace_id, campaign_id, seq, status)
				 SELECT j.value, ?1, ?2, (SELECT coalesce(max(c.seq), 0) FROM chunks c WHERE c.campaign_id = ?2) + row_number() OVER (ORDER BY j.key),
				   'queued'
				 FROM json_each(?3) j WHERE true ON CONFLICT DO NOTHING`,
			)
			.bind(workspaceId, campaignId, JSON.stringify(groups.map((g) => g.chunkId))),
		d1
			.prepare(
				`UPDATE messages SET chunk_id = j.value->>'$.chunk_id' FROM json_each(?) j
				 WHERE messages.id = j.value->>'$.id' AND messages.status = 'queued' AND messages.chunk_id IS NULL`,
			)
			.bind(JSON.stringify(rows)),
		d1
			.prepare(
				"SELECT EXISTS (SELECT 1 FROM messages WHERE campaign_id = ? AND status = 'queued' AND chunk_id IS NULL) AS waiting",
			)
			.bind(campaignId),
	]);
	return Boolean((waiting?.results?.[0] as { waiting?: number } | undefined)?.waiting);
}
