import { sql } from "drizzle-orm";
import type { Db } from "./client";

/** A workspace's recent campaigns: those sending or paused, or started in the last week. */
const recentCampaigns = (workspaceId: string, weekAgo: number) =>
	sql`select id from campaigns where workspace_id = ${workspaceId} and (status in ('sending', 'paused') or started_at > ${weekAgo})`;

type ChunkFigures = Omit<HealthFigures, "messages_failed">;

export type HealthFigures = {
	backlog: number;
	backlog_stale: number;
	oldest_waiting_at: number | null;
	dead_letters: number;
	messages_failed: number;
	provider_errors: number;
	rate_limited: number;
	chunks_sent_last_minute: number;
};

/** The send pipeline's figures for one workspace, read through the campaigns index (bounded to recent campaigns). */
export async function healthFigures(db: Db, workspaceId: string, now: number, staleMs: number): Promise<HealthFigures> {
	const campaigns = recentCampaigns(workspaceId, now - 7 * 86_400_000);
	const hourAgo = now - 3_600_000;
	const dayAgo = now - 86_400_000;
	const [row] = await db.all<ChunkFigures>(sql`
		select
			count(*) filter (where status in ('queued', 'frozen')) as backlog,
			count(*) filter (where status in ('queued', 'frozen') and updated_at < ${now - staleMs}) as backlog_stale,
			min(updated_at) filter (where status in ('queued', 'frozen')) as oldest_waiting_at,
			count(*) filter (where status = 'failed' and updated_at > ${dayAgo}) as dead_letters,
			count(*) filter (where last_error is not null and updated_at > ${hourAgo}) as provider_errors,
			count(*) filter (where last_error is not null and updated_at > ${hourAgo}
				and (last_error like '%429%' or lower(last_error) like '%rate limit%')) as rate_limited,
			count(*) filter (where status = 'sent' and updated_at > ${now - 60_000}) as chunks_sent_last_minute
		from chunks where campaign_id in (${campaigns})`);
	const [failed] = await db.all<{ n: number }>(sql`
		select count(*) as n from messages
		where campaign_id in (${campaigns}) and status = 'failed' and created_at > ${dayAgo}`);
	if (!row) throw new Error("aggregate returned no row");
	return { ...row, messages_failed: failed?.n ?? 0 };
}

/** The database's size in bytes: D1 reports it with every result (`meta.size_after`); else pages × page size. */
export async function databaseBytes(db: Db): Promise<number | null> {
	try {
		const result = await db.$client.prepare("select 1").run();
		const size = (result.meta as { size_after?: number }).size_after;
		if (typeof size === "number" && size > 0) return size;
		const [row] = await db.all<{ bytes: number }>(
			sql`select page_count * page_size as bytes from pragma_page_count(), pragma_page_size()`,
		);
		return row?.bytes ?? null;
	} catch {
		return null;
	}
}
