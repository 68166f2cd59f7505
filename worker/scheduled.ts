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

/** The cron trigger (`[triggers]` in wrangler.toml, every five minutes): upkeep jobs, each bounded. */
export async function handleScheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
	// Records the run; once a day, audit retention.
	await runUpkeep(env, controller.scheduledTime);
	// Outbound webhook events the queue refused, or a worker left unsent, go out (the same delivery each time).
	await sweepWebhookOutbox(env, controller.scheduledTime);
	await refreshStaleCounts(env.DB);
	// Review reminders and escalations at each stage's SLA; daily notification digests.
	await runApprovalSla(env);
	// Campaign tasks past their due date: each assignee is told once per task.
	await notifyOverdueTasks(env, controller.scheduledTime);
	// Alert rules: a health figure reaching its threshold notifies the owners, once per breach.
	await runAlertRules(env, controller.scheduledTime);
	await sendDigests(env);
	// Date-entry journeys (birthdays, renewals): the day's contacts enter, once per day.
	await runJourneyDatePasses(env, controller.scheduledTime);
	// Segment-entry journeys: members who joined by an import, a bulk action or an ingest enter too.
	await runJourneyReconciliation(env);
	// Journey emails: a node paused for the provider's quota resumes at the reset; lost chunks go back on the queue.
	await sweepJourneyChunks(env, controller.scheduledTime);
}
