import { createDb } from "../db/client";
import { deleteEndedWindows } from "../db/rate-counter";
import { readFlag, writeFlag } from "../db/system-flags";
import { applyAuditRetention } from "./audit-log";

const DAY_MS = 86_400_000;
/** A little under a day, so a five-minute cron that drifts still runs the daily part once a day. */
const DAILY_EVERY_MS = DAY_MS - 10 * 60_000;
export const CRON_LAST_RUN = "cron_last_run";
const DAILY_LAST_RUN = "cron_daily_last_run";
/** Ended rate-limit windows forgotten per cron run (more than are opened between two runs). */
const ENDED_WINDOWS_PER_RUN = 5_000;

/** When the cron last ran (and its daily part), for the health page. */
export async function lastCronRun(db: ReturnType<typeof createDb>) {
	const [run, daily] = await Promise.all([readFlag(db, CRON_LAST_RUN), readFlag(db, DAILY_LAST_RUN)]);
	return { last_run_at: run, last_daily_run_at: daily };
}

/**
 * The operations part of every cron run: records the run, forgets ended rate-limit windows, and once a day applies
 * each workspace's audit retention. `now` is the trigger's scheduled time (tests pass a faked one).
 */
export async function runUpkeep(env: Env, now: number) {
	const db = createDb(env.DB);
	const at = new Date(now).toISOString();
	await writeFlag(db, CRON_LAST_RUN, at);
	await deleteEndedWindows(db, now, ENDED_WINDOWS_PER_RUN);
	const lastDaily = await readFlag(db, DAILY_LAST_RUN);
	if (lastDaily && now - Date.parse(lastDaily) < DAILY_EVERY_MS) return { daily: false };
	const deleted = await applyAuditRetention(db, now);
	await writeFlag(db, DAILY_LAST_RUN, at);
	return { daily: true, deleted };
}
