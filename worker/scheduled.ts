import { refreshStaleCounts } from "./services/segment-counts";

/** The cron trigger (`[triggers]` in wrangler.toml, every five minutes): upkeep jobs, each bounded. */
export async function handleScheduled(_controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
	await refreshStaleCounts(env.DB);
}
