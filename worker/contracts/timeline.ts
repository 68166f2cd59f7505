import { z } from "@hono/zod-openapi";

/** What a contact's timeline holds; `journey` is each journey enrollment at its latest change (entered, completed, exited). */
export const TIMELINE_KINDS = ["message", "open", "click", "event", "status", "consent", "journey"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TimelineQuerySchema = z.object({
	kinds: z
		.string()
		.max(200)
		.optional()
		.transform((value, ctx) => {
			if (value === undefined || value.trim() === "") return [...TIMELINE_KINDS];
			const kinds = [...new Set(value.split(",").map((k) => k.trim()))];
			const unknown = kinds.filter((k) => !TIMELINE_KINDS.includes(k as TimelineKind));
			if (unknown.length > 0)
				ctx.addIssue({
					code: "custom",
					message: `Unknown kind ${unknown.join(", ")}; use ${TIMELINE_KINDS.join(", ")}`,
				});
			return kinds as TimelineKind[];
		})
		.openapi({
			type: "string",
			description: `Comma-separated kinds to show (default all): ${TIMELINE_KINDS.join(", ")}. \`journey\` is each journey enrollment at its latest change.`,
			example: "message,open,click",
		}),
	limit: z.coerce.number().int().min(1).max(200).default(50),
	cursor: z.string().max(300).optional(),
});

const campaignRef = { campaign_id: z.string().nullable(), campaign_name: z.string().nullable() };

export const TimelineItemSchema = z
	.discriminatedUnion("kind", [
		z.object({
			kind: z.literal("message"),
			at: z.string(),
			id: z.string(),
			...campaignRef,
			status: z.string(),
			sent_at: z.string().nullable(),
			opened_at: z.string().nullable().openapi({ description: "First open by a person" }),
			clicked_at: z.string().nullable().openapi({ description: "First click by a person" }),
			opens: z.number().int().openapi({ description: "Opens by a person" }),
			machine_opens: z.number().int().openapi({ description: "Privacy-proxy prefetches: not engagement" }),
			clicks: z.number().int().openapi({ description: "Clicks by a person" }),
			bot_clicks: z.number().int().openapi({ description: "Link-scanner clicks: not engagement" }),
		}),
		z.object({
			kind: z.enum(["open", "click"]),
			at: z.string(),
			id: z.string(),
			...campaignRef,
			url: z.string().nullable(),
			flag: z.enum(["machine", "bot"]).nullable().openapi({
				description:
					"`machine` (an Apple Mail Privacy Protection prefetch) or `bot` (a link scanner): kept, never engagement",
			}),
		}),
		z.object({
			kind: z.literal("event"),
			at: z.string(),
			id: z.string(),
			name: z.string(),
			properties: z.record(z.string(), z.unknown()),
		}),
		z.object({
			kind: z.literal("status"),
			at: z.string(),
			id: z.string(),
			from: z.string().nullable(),
			to: z.string(),
			source: z.string(),
		}),
		z.object({
			kind: z.literal("journey"),
			at: z.string().openapi({ description: "When the enrollment last changed (entered, completed or exited)" }),
			id: z.string().openapi({ description: "The enrollment" }),
			journey_id: z.string(),
			journey_name: z.string(),
			status: z.string().openapi({ description: "active, completed or exited" }),
		}),
		z.object({
			kind: z.literal("consent"),
			at: z.string(),
			id: z.string(),
			source: z.string(),
			text: z.string().nullable(),
		}),
	])
	.openapi("TimelineItem");
export type TimelineItem = z.infer<typeof TimelineItemSchema>;

export const TimelinePageSchema = z
	.object({ data: z.array(TimelineItemSchema), next_cursor: z.string().nullable() })
	.openapi("TimelinePage");
