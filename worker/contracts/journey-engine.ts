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
