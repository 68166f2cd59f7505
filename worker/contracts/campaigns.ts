import { z } from "@hono/zod-openapi";
import { AbTestInputSchema, AbTestSchema, VariantInputSchema, VariantSchema } from "./ab";
import { EmailSchema } from "./auth";
import { HhMmSchema } from "./send-limits";
import { DisplayNameSchema } from "./sender";

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "completed", "cancelled"] as const;
export const CampaignStatusSchema = z.enum(CAMPAIGN_STATUSES).openapi("CampaignStatus");
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

/** A message's status only moves forward: queued → sent → delivered → bounced/complained (or failed, suppressed, cancelled). */
export const MESSAGE_STATUSES = [
	"queued",
	"sent",
	"delivered",
	"bounced",
	"complained",
	"failed",
	"suppressed",
	"cancelled",
	"capped",
] as const;
export const MessageStatusSchema = z.enum(MESSAGE_STATUSES).openapi("MessageStatus");

const FromName = DisplayNameSchema;

/** Why a campaign is paused when Pulse paused it (null when a person did, or it is not paused). */
export const PauseReasonSchema = z
	.object({
		code: z.literal("provider_quota"),
		quota: z.enum(["daily", "monthly"]),
		message: z.string(),
		resumes_at: z.string().openapi({ description: "When the campaign resumes by itself (ISO-8601 UTC)" }),
	})
	.openapi("PauseReason");
export type PauseReason = z.infer<typeof PauseReasonSchema>;

export const CampaignInputSchema = z
	.object({
		name: z.string().trim().min(1, "Name the campaign").max(200),
		audience: z
			.object({ segment_id: z.string().max(64).nullable().optional() })
			.strict()
			.default({}),
		template_id: z.string().min(1, "Choose a template").max(64),
		from_email: EmailSchema.optional().openapi({
			description:
				"With a real email provider configured, its domain must be a verified sending domain of the workspace (422 otherwise)",
		}),
		from_name: FromName.optional(),
		reply_to: EmailSchema.nullable().optional(),
		topic_id: z.string().max(64).nullable().optional().openapi({
			description:
				"The topic this campaign is about (`GET /api/v1/topics`): contacts who opted out of it on the preference page are left out (counted as `suppressed`). Absent or null: every subscribed contact of the audience",
		}),
		schedule: z
			.object({
				send_at: z.iso.datetime({ offset: true }),
				local_time: HhMmSchema.optional().openapi({
					description:
						"Send at this time (HH:MM) in each recipient's time zone (else the workspace's): each recipient is due at the first such time at or after `send_at`",
					example: "09:00",
				}),
			})
			.strict()
			.optional(),
		settings: z
			.object({ track_opens: z.boolean().default(true), track_clicks: z.boolean().default(true) })
			.strict()
			.optional(),
		variants: z.array(VariantInputSchema).max(8).nullable().optional().openapi({
			description: "A/B test: 2 to 8 variants (with `ab_test`); null makes the campaign a plain one again",
		}),
		ab_test: AbTestInputSchema.nullable().optional(),
	})
	.strict()
	.openapi("CampaignInput");

export const CampaignPatchSchema = CampaignInputSchema.partial().strict().openapi("CampaignPatch");

export const CampaignSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		status: CampaignStatusSchema,
		audience: z.object({ segment_id: z.string().nullable() }),
		template_id: z.string(),
		from_email: z.string(),
		from_name: z.string(),
		reply_to: z.string().nullable(),
		topic_id: z.string().nullable().optional(),
		schedule: z.object({ send_at: z.string(), local_time: z.string().nullable().optional() }).nullable(),
		settings: z.object({ track_opens: z.boolean(), track_clicks: z.boolean() }),
		progress: z.object({ audience: z.number().int(), processed: z.number().int() }),
		created_at: z.string(),
		updated_at: z.string(),
		started_at: z.string().nullable(),
		completed_at: z.string().nullable(),
		pause_reason: PauseReasonSchema.nullable(),
		variants: z.array(VariantSchema).optional().openapi({ description: "Present on A/B tests" }),
		ab_test: AbTestSchema.optional(),
	})
	.openapi("Campaign");

export const ScheduleBodySchema = z
	.object({
		send_at: z.iso.datetime({ offset: true }),
		local_time: HhMmSchema.optional().openapi({
			description:
				"Send at this time (HH:MM) in each recipient's time zone (else the workspace's): each recipient is due at the first such time at or after `send_at`",
			example: "09:00",
		}),
	})
	.strict()
	.openapi("ScheduleBody");
export const CommandResultSchema = z.object({ id: z.string(), status: CampaignStatusSchema }).openapi("CommandResult");

/** The number of recipients a send would mail now: what the Send dialog shows. */
export const AudienceCountSchema = z.object({ count: z.number().int() }).openapi("AudienceCount");

export const CampaignStatsSchema = z
	.object({
		status: CampaignStatusSchema,
		audience: z.number().int(),
		queued: z.number().int(),
		sent: z.number().int(),
		delivered: z.number().int(),
		failed: z.number().int(),
		suppressed: z.number().int(),
		cancelled: z.number().int(),
		capped: z.number().int().optional().openapi({
			description:
				"Recipients left out because the workspace's frequency cap was reached for them (never sent). Always present in answers: audience = queued + sent + failed + suppressed + capped + cancelled",
		}),
		bounced: z.number().int(),
		complained: z.number().int(),
		unsubscribed: z.number().int(),
		opens: z.number().int(),
		unique_opens: z.number().int(),
		machine_opens: z.number().int(),
		clicks: z.number().int(),
		unique_clicks: z.number().int(),
		bot_clicks: z.number().int(),
		links: z.array(z.object({ url: z.string(), clicks: z.number().int(), unique_clicks: z.number().int() })),
		timeline: z.array(z.object({ at: z.string(), opens: z.number().int(), clicks: z.number().int() })),
		provider_reports_delivery: z.boolean().optional().openapi({
			description:
				"Whether the email provider reports deliveries (Resend with its webhook secret configured). Without it `delivered` stays 0 and rates are taken over `sent`. Always present in answers.",
		}),
	})
	.openapi("CampaignStats");
export type CampaignStats = z.infer<typeof CampaignStatsSchema>;

export const CampaignMessageSchema = z
	.object({
		contact_id: z.string(),
		email: z.string(),
		status: MessageStatusSchema,
		attempts: z.number().int(),
		last_error: z.string().nullable(),
		provider_id: z.string().nullable(),
		sent_at: z.string().nullable(),
		opened_at: z.string().nullable(),
		clicked_at: z.string().nullable(),
		scheduled_for: z.string().nullable().optional().openapi({
			description: "A local-time send: when this recipient is due in their time zone (null otherwise)",
		}),
		variant_id: z
			.string()
			.nullable()
			.optional()
			.openapi({ description: "The A/B variant sent (null outside A/B tests)" }),
	})
	.openapi("CampaignMessage");

/** Who in a campaign's recipient log did what: the same rules as the segment rule `{engagement, campaign_id}`. */
export const ENGAGEMENTS = ["opened", "clicked", "bounced", "unsubscribed"] as const;
export type Engagement = (typeof ENGAGEMENTS)[number];

export const MessagesQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(500).default(50),
	cursor: z.string().max(200).optional(),
	status: MessageStatusSchema.optional(),
	engagement: z.enum(ENGAGEMENTS).optional().openapi({
		description:
			"Recipients who opened or clicked (people only: machine opens and bot clicks never count), bounced or unsubscribed, as the segment rule `{engagement, campaign_id}` counts them",
	}),
	q: z.string().trim().max(200).optional().openapi({ description: "Part of the recipient's email address" }),
});
export const MessagesCsvQuerySchema = MessagesQuerySchema.omit({ limit: true, cursor: true });

/** A campaign in the list, with its headline results (from the message log: cheap per page). */
export const CampaignListItemSchema = CampaignSchema.extend({
	archived: z
		.boolean()
		.openapi({ description: "Put away from the everyday list (listed with `include_archived=true`)" }),
	results: z.object({
		sent: z.number().int().openapi({ description: "Accepted by the provider" }),
		opened: z.number().int().openapi({ description: "Recipients who opened (people only)" }),
		clicked: z.number().int().openapi({ description: "Recipients who clicked (people only)" }),
	}),
}).openapi("CampaignListItem");

/** The chart of opens and clicks: minute bars during a campaign's first hours, then hours, then days. */
export const ReportTimelineSchema = z
	.object({
		bucket: z.enum(["minute", "hour", "day"]),
		points: z.array(
			z.object({
				at: z.string(),
				opens: z.number().int().openapi({ description: "Opens by people" }),
				clicks: z.number().int().openapi({ description: "Clicks by people" }),
				machine_opens: z.number().int(),
				bot_clicks: z.number().int(),
			}),
		),
	})
	.openapi("ReportTimeline");

export const CompareQuerySchema = z.object({
	ids: z.string().max(400).openapi({ description: "2 to 5 campaign ids, comma-separated", example: "cmp_a,cmp_b" }),
});
export const ComparisonSchema = z
	.object({
		data: z.array(
			z.object({
				id: z.string(),
				name: z.string(),
				status: CampaignStatusSchema,
				started_at: z.string().nullable(),
				stats: CampaignStatsSchema.omit({ links: true, timeline: true }),
			}),
		),
	})
	.openapi("CampaignComparison");
