import { z } from "@hono/zod-openapi";

/** The health figures an alert rule can watch (each one of `GET /health/detail`). */
export const ALERT_METRICS = [
	"queue_backlog",
	"queue_stale",
	"dead_letters",
	"messages_failed",
	"provider_errors",
	"rate_limited",
	"rate_used",
] as const;
export const AlertMetricSchema = z.enum(ALERT_METRICS).openapi("AlertMetric", {
	description:
		"queue_backlog / queue_stale: chunks waiting (stale: longer than 10 minutes); dead_letters: chunks that exhausted their retries (24 h); messages_failed: recipients failed (24 h); provider_errors / rate_limited: chunks whose last answer was an error / a 429 (last hour); rate_used: share of the provider's request limit used in the last minute (0 to 1)",
});
export type AlertMetric = z.infer<typeof AlertMetricSchema>;

const Name = z.string().trim().min(1).max(120);
const Threshold = z
	.number()
	.min(0)
	.max(1_000_000_000)
	.openapi({ description: "The rule fires when the figure reaches this value (rate_used: a share, 0 to 1)" });

/** A rule as stored (in the workspace's operations settings). */
export const StoredAlertRuleSchema = z.object({
	id: z.string(),
	name: Name,
	metric: AlertMetricSchema,
	threshold: z.number(),
	enabled: z.boolean(),
});
export type StoredAlertRule = z.infer<typeof StoredAlertRuleSchema>;

export const AlertRuleInputSchema = z
	.object({
		name: Name,
		metric: AlertMetricSchema,
		threshold: Threshold,
		enabled: z.boolean().default(true),
	})
	.strict()
	.refine((r) => r.metric !== "rate_used" || r.threshold <= 1, {
		message: "rate_used is a share: 0 to 1",
		path: ["threshold"],
	})
	.openapi("AlertRuleInput");

export const AlertRulePatchSchema = z
	.object({ name: Name.optional(), threshold: Threshold.optional(), enabled: z.boolean().optional() })
	.strict()
	.openapi("AlertRulePatch");

export const AlertRuleSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		metric: AlertMetricSchema,
		threshold: z.number(),
		enabled: z.boolean(),
		firing_since: z
			.string()
			.nullable()
			.openapi({ description: "When the current breach began (owners were notified then); null when not firing" }),
	})
	.openapi("AlertRule");
export type AlertRule = z.infer<typeof AlertRuleSchema>;

export const AlertRuleListSchema = z.object({ data: z.array(AlertRuleSchema) });

/** At most this many rules per workspace. */
export const MAX_ALERT_RULES = 50;
