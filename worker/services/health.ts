import { providerRequestLimit } from "../config";
import type { HealthDetail } from "../contracts/health";
import type { Db } from "../db/client";
import { databaseBytes, healthFigures } from "../db/health";
import { lastCronRun } from "./upkeep";

const STALE_MINUTES = 10;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The admin health page: queue backlog, dead letters, provider errors and 429s, rate used, cron, database size. */
export async function healthDetail(env: Env, db: Db, workspaceId: string, now = Date.now()): Promise<HealthDetail> {
	const [figures, cron, bytes] = await Promise.all([
		healthFigures(db, workspaceId, now, STALE_MINUTES * 60_000),
		lastCronRun(db),
		databaseBytes(db),
	]);
	const limit = providerRequestLimit(env);
	return {
		at: new Date(now).toISOString(),
		queue: {
			backlog: figures.backlog,
			stale: figures.backlog_stale,
			stale_after_minutes: STALE_MINUTES,
			oldest_waiting_at: iso(figures.oldest_waiting_at),
		},
		dead_letters: { chunks: figures.dead_letters, messages_failed: figures.messages_failed },
		provider: {
			errors_last_hour: figures.provider_errors,
			rate_limited_last_hour: figures.rate_limited,
			requests_per_second_limit: limit,
			rate_used: limit ? Math.min(1, figures.chunks_sent_last_minute / (limit * 60)) : null,
		},
		cron,
		database: { bytes },
	};
}
