import { runApprovalSla } from "./services/approval-sla";
import { sendDigests } from "./services/notification-digest";
import { refreshStaleCounts } from "./services/segment-counts";

/** The cron trigger (`[triggers]` in wrangler.toml, every five minutes): upkeep jobs, each bounded. */
export async function handleScheduled(_controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
	await refreshStaleCounts(env.DB);
	// Review reminders and escalations at each stage's SLA; daily notification digests.
	await runApprovalSla(env);
	await sendDigests(env);
}
