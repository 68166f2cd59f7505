import { runEach } from "./domain/run-each";
import { log } from "./log";
import { runAlertRules } from "./services/alerts";
import { runApprovalSla } from "./services/approval-sla";
import { sweepJourneyChunks } from "./services/journey-chunks";
import { runJourneyDatePasses } from "./services/journey-dates";
import { runJourneyReconciliation } from "./services/journey-reconcile";
import { sendDigests } from "./services/notification-digest";
import { notifyOverdueTasks } from "./services/planning-overdue";
import { refreshStaleCounts } from "./services/segment-counts";
import { runUpkeep } from "./services/upkeep";
import { sweepWebhookOutbox } from "./services/webhook-outbox-sweep";

/**
 * The cron trigger (`[triggers]` in wrangler.toml, every five minutes): upkeep jobs, each bounded. Each job runs
 * even when an earlier one failed (the failure is one JSON error line naming the job).
 */
export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
	const now = controller.scheduledTime;
	await runEach(
		[
			// Records the run; once a day, audit retention.
			["upkeep", () => runUpkeep(env, now)],
			// Outbound webhook events the queue refused, or a worker left unsent, go out (the same delivery each time).
			["webhook_outbox", () => sweepWebhookOutbox(env, now)],
			["segment_counts", () => refreshStaleCounts(env.DB)],
			// Review reminders and escalations at each stage's SLA.
			["approval_sla", () => runApprovalSla(env)],
			// Campaign tasks past their due date: each assignee is told once per task.
			["overdue_tasks", () => notifyOverdueTasks(env, now)],
			// Alert rules: a health figure reaching its threshold notifies the owners, once per breach.
			["alert_rules", () => runAlertRules(env, now)],
			// Daily notification digests.
			["digests", () => sendDigests(env)],
			// Date-entry journeys (birthdays, renewals): the day's contacts enter, once per day.
			["journey_dates", () => runJourneyDatePasses(env, now)],
			// Segment-entry journeys: members who joined by an import, a bulk action or an ingest enter too.
			["journey_reconcile", () => runJourneyReconciliation(env)],
			// Journey emails: a node paused for the provider's quota resumes at the reset; lost chunks go back on the queue.
			["journey_chunks", () => sweepJourneyChunks(env, now)],
		],
		(job, error) =>
			log(null, "error", "cron job failed", {
				job,
				error: String(error),
				stack: error instanceof Error ? error.stack : undefined,
			}),
	);
}
