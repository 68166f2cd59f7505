import { z } from "@hono/zod-openapi";
import { DisplayNameSchema } from "./sender";

/** A/B tests on a campaign (issue #16): 2 to 8 variants, a test group, a metric, a duration. */
export const AB_METRICS = ["clicks", "opens", "conversion"] as const;
export type AbMetricName = (typeof AB_METRICS)[number];
export const AB_PHASES = ["testing", "deciding", "sending_winner", "done"] as const;
export type AbPhase = (typeof AB_PHASES)[number];

const Duration = z
	.string()
	.min(2)
	.max(32)
	.openapi({ example: "PT4H", description: "ISO-8601 duration (PT30S, PT4H, P1D)" });

export const VariantInputSchema = z
	.object({
		id: z.string().max(64).optional().openapi({ description: "Keep a variant's id when editing; absent: a new one" }),
		name: z.string().trim().min(1, "Name the variant").max(100),
		template_id: z.string().max(64).nullable().optional().openapi({ description: "Absent: the campaign's template" }),
		subject: z
			.string()
			.trim()
			.max(998)
			.nullable()
			.optional()
			.openapi({ description: "Absent: the template's subject" }),
		preheader: z.string().trim().max(500).nullable().optional(),
		from_name: DisplayNameSchema.nullable().optional().openapi({ description: "Absent: the campaign's from name" }),
	})
	.strict()
	.openapi("VariantInput");
export type VariantInput = z.infer<typeof VariantInputSchema>;

export const AbTestInputSchema = z
	.object({
		test_percent: z.number().int().min(1).max(100).openapi({
			description: "Share of the audience in the test group; the rest receive the winner",
			example: 20,
		}),
		metric: z.enum(AB_METRICS).default("clicks"),
		goal_event: z.string().trim().min(1).max(200).optional().openapi({ description: "With metric conversion" }),
		goal_window: Duration.optional().openapi({ description: "With metric conversion: default P7D" }),
		duration: Duration.openapi({ description: "How long the test runs (from PT30S)" }),
		auto_send_winner: z.boolean().default(true),
	})
	.strict()
	.openapi("AbTestInput");
export type AbTestInput = z.infer<typeof AbTestInputSchema>;

export const VariantSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		template_id: z.string().nullable(),
		subject: z.string().nullable(),
		preheader: z.string().nullable(),
		from_name: z.string().nullable(),
	})
	.openapi("Variant");
export type Variant = z.infer<typeof VariantSchema>;

export const AbTestSchema = z
	.object({
		test_percent: z.number().int(),
		metric: z.enum(AB_METRICS),
		goal_event: z.string().nullable(),
		goal_window: z.string().nullable(),
		duration: z.string(),
		auto_send_winner: z.boolean(),
	})
	.openapi("AbTest");
export type AbTest = z.infer<typeof AbTestSchema>;

export const AbWinnerSchema = z.object({
	variant_id: z.string(),
	significant: z.boolean(),
	decided_at: z.string(),
	reason: z.string(),
});
export type AbWinner = z.infer<typeof AbWinnerSchema>;

export const AbResultsSchema = z
	.object({
		phase: z
			.enum(AB_PHASES)
			.openapi({ description: "`testing` also before the campaign is sent (then `ends_at` is null)" }),
		metric: z.enum(AB_METRICS),
		arms: z.array(
			z.object({
				variant_id: z.string(),
				name: z.string(),
				sent: z.number().int(),
				delivered: z.number().int(),
				opens: z.number().int().openapi({ description: "People who opened (machine opens never count)" }),
				clicks: z.number().int().openapi({ description: "People who clicked (bot clicks never count)" }),
				conversions: z.number().int(),
				rate: z.number(),
				interval: z.tuple([z.number(), z.number()]).openapi({ description: "Always-valid interval of the rate" }),
				p_value: z.number().nullable().openapi({ description: "Against the first variant; null for it" }),
			}),
		),
		winner: AbWinnerSchema.optional(),
		ends_at: z.string().nullable().openapi({ description: "When the test ends (the decision is due)" }),
		chi_square: z.object({ statistic: z.number(), df: z.number().int(), p_value: z.number() }).optional(),
		series: z
			.array(
				z.object({
					at: z.string(),
					arms: z.array(
						z.object({
							variant_id: z.string(),
							rate: z.number(),
							interval: z.tuple([z.number(), z.number()]),
						}),
					),
				}),
			)
			.openapi({
				description:
					"Each arm's rate and always-valid interval over time (at each point's time, as the table showed it then), from the test's start to its decision",
			}),
	})
	.openapi("AbResults");
export type AbResults = z.infer<typeof AbResultsSchema>;

export const PickWinnerSchema = z
	.object({ variant_id: z.string().min(1).max(64) })
	.strict()
	.openapi("PickWinner");
