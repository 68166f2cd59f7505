import { z } from "@hono/zod-openapi";

const MODEL = z
	.enum(["last_touch", "first_touch", "linear"])
	.openapi({ description: "Who gets the credit: the last email touched, the first, or every email touched equally" });

export const ConversionGoalInputSchema = z
	.object({
		event: z.string().trim().min(1).max(100).openapi({ example: "purchase", description: "The event that counts" }),
		revenue_property: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,64}$/, "A property name: letters, digits, _ and - (at most 64)")
			.nullable()
			.default("revenue")
			.openapi({ description: "The event property holding the revenue (null: count conversions only)" }),
		window_days: z.number().int().min(1).max(90).default(7).openapi({
			description: "How long after a click (or open) a conversion is credited to the email",
		}),
		model: MODEL.default("last_touch"),
		touch: z
			.enum(["click", "click_or_open"])
			.default("click")
			.openapi({ description: "What counts as the email reaching the contact; machine opens and bot clicks never" }),
	})
	.openapi("ConversionGoalInput");

export const ConversionGoalSchema = z
	.object({
		event: z.string(),
		revenue_property: z.string().nullable(),
		window_days: z.number().int(),
		model: MODEL,
		touch: z.enum(["click", "click_or_open"]),
		updated_at: z.string(),
	})
	.openapi("ConversionGoal");
export type ConversionGoal = z.infer<typeof ConversionGoalSchema>;

export const ConversionGoalAnswerSchema = z
	.object({ goal: ConversionGoalSchema.nullable() })
	.openapi("ConversionGoalAnswer");

export const ConversionsQuerySchema = z.object({
	model: MODEL.optional().openapi({ description: "Another model than the goal's, to compare" }),
});

export const ConversionSummaryQuerySchema = ConversionsQuerySchema.extend({
	days: z.coerce.number().int().min(1).max(365).default(30),
});

const attributed = {
	conversions: z.number().openapi({ description: "Goal events credited to email (fractions under `linear`)" }),
	revenue: z.number().openapi({ description: "Their revenue, credited the same way" }),
};

export const CampaignConversionsSchema = z
	.object({
		goal: ConversionGoalSchema.nullable(),
		model: MODEL.nullable(),
		recipients: z.number().int().openapi({ description: "Recipients the email went out to (the base of the rates)" }),
		...attributed,
		converters: z.number().int().openapi({ description: "Recipients with at least one conversion credited" }),
		conversion_rate: z.number().openapi({ description: "converters / recipients" }),
		revenue_per_recipient: z.number().openapi({ description: "revenue / recipients" }),
		truncated: z.boolean().openapi({ description: "Only the newest 20,000 goal events were read" }),
	})
	.openapi("CampaignConversions");
export type CampaignConversions = z.infer<typeof CampaignConversionsSchema>;

export const ConversionSummarySchema = z
	.object({
		goal: ConversionGoalSchema.nullable(),
		model: MODEL.nullable(),
		days: z.number().int(),
		since: z.string(),
		...attributed,
		by_campaign: z.array(z.object({ campaign_id: z.string(), name: z.string(), ...attributed })),
		truncated: z.boolean(),
	})
	.openapi("ConversionSummary");
export type ConversionSummary = z.infer<typeof ConversionSummarySchema>;
