import { z } from "@hono/zod-openapi";
import { PropertyRuleSchema, SegmentRuleSchema } from "./segments";

/*
 * A journey definition (API.md, "Journeys"): an entry, a re-entry policy, exit conditions and a graph of nodes
 * keyed by id. These schemas check each part's shape; the graph as a whole (targets exist, every node reachable,
 * every path ends, loops bounded) is checked by worker/domain/journeys/graph.ts.
 */

export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_NODES = 100;
const NodeId = z.string().regex(NODE_ID_PATTERN, "A node id: letters, digits, _ and - (at most 64)");
const Duration = z.string().min(2).max(32).openapi({ example: "P3D", description: "ISO-8601, from PT1S to P1Y" });
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A local time as HH:MM (24-hour)");
const Where = z.array(PropertyRuleSchema).max(20).optional();
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export const JourneyEntrySchema = z.discriminatedUnion("type", [
	z.object({ type: z.literal("event"), event: z.string().min(1).max(100), where: Where }).strict(),
	z
		.object({
			type: z.literal("segment"),
			segment_id: z.string().min(1).max(64),
			include_existing: z.boolean().optional(),
		})
		.strict(),
	z
		.object({
			type: z.literal("date"),
			attribute: z.string().min(1).max(64),
			offset_days: z.number().int().min(-365).max(365).optional(),
			at_local: LocalTime.optional(),
		})
		.strict(),
	z.object({ type: z.literal("api") }).strict(),
]);

export const JourneyExitSchema = z.discriminatedUnion("type", [
	z.object({ type: z.literal("event"), event: z.string().min(1).max(100), where: Where }).strict(),
	z.object({ type: z.literal("segment_leave"), segment_id: z.string().min(1).max(64) }).strict(),
]);

/** Any node may bound how often one enrollment passes it (a loop must carry such a bound). */
const common = { max_iterations: z.number().int().min(1).max(1000).optional() };

export const JourneyNodeSchema = z.discriminatedUnion("type", [
	z
		.object({
			type: z.literal("send_email"),
			template_id: z.string().min(1).max(64),
			from_name: z.string().max(200).optional(),
			from_email: z.string().email().max(320).optional(),
			next: NodeId,
			...common,
		})
		.strict(),
	z
		.object({
			type: z.literal("delay"),
			duration: Duration.optional(),
			until_local: LocalTime.optional(),
			weekdays: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
			until_attribute: z.string().min(1).max(64).optional(),
			offset_days: z.number().int().min(-365).max(365).optional(),
			next: NodeId,
			...common,
		})
		.strict(),
	z
		.object({
			type: z.literal("wait_event"),
			event: z.string().min(1).max(100),
			where: Where,
			match_entry_property: z.string().min(1).max(64).optional(),
			timeout: Duration,
			on_event: NodeId,
			on_timeout: NodeId,
			...common,
		})
		.strict(),
	z
		.object({
			type: z.literal("branch"),
			paths: z
				.array(
					z
						.object({
							if: z.union([
								z.object({ engagement: z.enum(["opened", "clicked"]), node: NodeId }).strict(),
								SegmentRuleSchema,
							]),
							next: NodeId,
						})
						.strict(),
				)
				.min(1)
				.max(10),
			else: NodeId,
			...common,
		})
		.strict(),
	z
		.object({
			type: z.literal("split"),
			arms: z
				.array(z.object({ id: NodeId, weight: z.number().int().min(1).max(100), next: NodeId }).strict())
				.min(2)
				.max(8),
			...common,
		})
		.strict(),
	z.object({ type: z.literal("webhook"), url: z.string().min(1).max(2000), next: NodeId, ...common }).strict(),
	z
		.object({
			type: z.literal("update_contact"),
			set_attributes: z
				.record(z.string(), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
				.optional(),
			add_tags: z.array(z.string().min(1).max(100)).max(20).optional(),
			remove_tags: z.array(z.string().min(1).max(100)).max(20).optional(),
			next: NodeId,
			...common,
		})
		.strict(),
	z.object({ type: z.literal("exit") }).strict(),
]);
export type JourneyNode = z.infer<typeof JourneyNodeSchema>;

export const JourneyDefinitionSchema = z
	.object({
		entry: JourneyEntrySchema,
		reentry: z
			.object({ mode: z.enum(["once", "after_exit", "always"]), cooldown: Duration.optional() })
			.strict()
			.default({ mode: "once" }),
		exit: z.array(JourneyExitSchema).max(10).optional(),
		settings: z.record(z.string(), z.unknown()).optional(),
		start: NodeId,
		nodes: z.record(NodeId, JourneyNodeSchema),
	})
	.strict()
	.openapi("JourneyDefinition");
export type JourneyDefinition = z.infer<typeof JourneyDefinitionSchema>;

export const JOURNEY_STATUSES = ["draft", "active", "paused", "archived"] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

const JourneyIssueSchema = z.object({ path: z.string(), message: z.string() });

export const JourneyInputSchema = z
	.object({
		name: z.string().trim().min(1).max(200),
		definition: JourneyDefinitionSchema,
		transactional: z.boolean().optional(),
	})
	.openapi("JourneyInput");

export const JourneyPatchSchema = JourneyInputSchema.partial().openapi("JourneyPatch");

export const JourneySchema = z
	.object({
		id: z.string(),
		name: z.string(),
		status: z.enum(JOURNEY_STATUSES),
		version: z.number().int(),
		definition: JourneyDefinitionSchema,
		transactional: z.boolean(),
		issues: z
			.array(JourneyIssueSchema)
			.openapi({ description: "What keeps the definition from being activated (empty when it can be)" }),
		created_at: z.string(),
		updated_at: z.string(),
		activated_at: z.string().nullable(),
	})
	.openapi("Journey");
export type Journey = z.infer<typeof JourneySchema>;

export const JourneyListSchema = z.object({ data: z.array(JourneySchema), next_cursor: z.string().nullable() });

export const JourneyLifecycleSchema = z
	.object({
		status: z.enum(JOURNEY_STATUSES),
		version: z.number().int(),
		entering_now: z
			.number()
			.int()
			.optional()
			.openapi({ description: "On activation of a segment entry with include_existing: the members entering now" }),
	})
	.openapi("JourneyLifecycle");
