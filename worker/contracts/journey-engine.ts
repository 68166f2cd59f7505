import { z } from "@hono/zod-openapi";
import { PageQuerySchema } from "./common";

/* The journey engine's API: enrollment through the API, stats, enrollments, a contact's journeys (API.md). */

export const JourneyEnrollSchema = z
	.object({
		contact_id: z.string().min(1).max(64).optional(),
		email: z.string().min(3).max(320).optional(),
		properties: z.record(z.string(), z.unknown()).optional(),
	})
	.refine((b) => (b.contact_id === undefined) !== (b.email === undefined), {
		message: "Give contact_id or email (one of them)",
		path: ["contact_id"],
	})
	.openapi("JourneyEnroll");

export const JourneyEnrolledSchema = z.object({ enrollment_id: z.string() }).openapi("JourneyEnrolled");

const NodeStatsSchema = z.object({
	waiting: z.number().int(),
	passed: z.number().int(),
	sent: z.number().int().optional(),
	delivered: z.number().int().optional(),
	opens: z.number().int().optional(),
	clicks: z.number().int().optional(),
});

const SplitResultSchema = z.object({
	metric: z.enum(["goal", "completed"]),
	arms: z.array(
		z.object({
			arm_id: z.string(),
			entered: z.number().int(),
			conversions: z.number().int(),
			rate: z.number(),
			interval: z.tuple([z.number(), z.number()]),
			p_value: z.number().nullable(),
		}),
	),
	winner: z.object({ arm_id: z.string(), significant: z.boolean(), reason: z.string() }).optional(),
	chi_square: z.object({ statistic: z.number(), df: z.number(), p_value: z.number() }),
});

export const JourneyStatsSchema = z
	.object({
		entered: z.number().int(),
		active: z.number().int(),
		completed: z.number().int(),
		exited: z.record(z.string(), z.number().int()).openapi({ example: { goal: 3, unsubscribed: 1 } }),
		conversion_rate: z.number().openapi({ description: "Enrollments that reached the goal / entered (0 when none)" }),
		nodes: z.record(z.string(), NodeStatsSchema),
		arms: z
			.record(z.string(), z.record(z.string(), z.number().int()))
			.optional()
			.openapi({ description: "Per split node: how many took each arm" }),
		arm_results: z
			.record(z.string(), SplitResultSchema)
			.optional()
			.openapi({ description: "Per split node: each arm's conversion analysed like an A/B test" }),
	})
	.openapi("JourneyStats");
export type JourneyStats = z.infer<typeof JourneyStatsSchema>;

export const EnrollmentSchema = z
	.object({
		id: z.string(),
		contact_id: z.string(),
		email: z.string().nullable(),
		status: z.enum(["active", "completed", "exited"]),
		node_id: z.string(),
		version: z.number().int(),
		entered_at: z.string(),
		exited_at: z.string().optional(),
		exit_reason: z.string().optional(),
		history: z.array(z.object({ node_id: z.string(), at: z.string(), outcome: z.string() })),
	})
	.openapi("JourneyEnrollment");

export const EnrollmentsQuerySchema = PageQuerySchema.extend({
	contact_id: z.string().max(64).optional(),
	status: z.enum(["active", "completed", "exited"]).optional(),
});

export const ContactJourneySchema = z
	.object({ journey_id: z.string(), journey_name: z.string(), enrollments: z.array(EnrollmentSchema) })
	.openapi("ContactJourney");
