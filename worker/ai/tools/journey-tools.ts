import { z } from "zod";
import { JourneyStatsSchema } from "../../contracts/journey-engine";
import { JOURNEY_STATUSES, JourneyDefinitionSchema } from "../../contracts/journeys";
import { createDb } from "../../db/client";
import type { JourneyCommand } from "../../domain/journeys/lifecycle";
import { journeyStats } from "../../services/journey-engine";
import { createJourney, getJourney, journeyCommand, listJourneys } from "../../services/journeys";
import { type ToolContext, ToolError } from "./context";
import { defineTool, type ToolKind } from "./define";

const caller = (ctx: ToolContext) => ({ actor: ctx.principal, ip: ctx.ip, local: ctx.local });
const Issue = z.object({ path: z.string(), message: z.string() });
const Summary = z.object({
	id: z.string(),
	name: z.string(),
	status: z.enum(JOURNEY_STATUSES),
	version: z.number().int(),
	transactional: z.boolean(),
	issues: z.array(Issue).describe("What keeps it from being activated (empty when it can be)"),
	activated_at: z.string().nullable(),
	url: z.string(),
});
const Full = Summary.extend({ definition: z.record(z.string(), z.unknown()) });

const summary = <T extends { id: string }>(j: T) => ({ ...j, url: `/journeys/${j.id}` });

const DEFINITION_HELP = [
	'A journey graph: {"entry": ..., "reentry"?: {"mode": "once"|"after_exit"|"always", "cooldown"?: "P7D"}, "exit"?: [...], "start": node id, "nodes": {id: node}}.',
	'entry: {"type":"event","event":"signup"} | {"type":"segment","segment_id":"seg_..."} | {"type":"date","attribute":"birthday","at_local":"09:00"} | {"type":"api"}.',
	'nodes (each with "next" unless noted): {"type":"send_email","template_id":"tpl_..."}, {"type":"delay","duration":"P2D"} or {"type":"delay","until_local":"09:00"}, {"type":"wait_event","event":"purchase","timeout":"P3D","on_event":id,"on_timeout":id}, {"type":"branch","paths":[{"if":rule tree,"next":id}],"else":id}, {"type":"split","arms":[{"id":"a","weight":50,"next":id}]}, {"type":"update_contact","add_tags":["x"]}, {"type":"exit"}.',
	"Durations are ISO-8601 (PT30S, PT4H, P3D). Call get_journey on an existing journey to see a complete example.",
].join("\n");

function parseJourneyDefinition(definition: unknown) {
	const parsed = JourneyDefinitionSchema.safeParse(definition);
	if (parsed.success) return parsed.data;
	const issues = parsed.error.issues.map((i) => `definition.${i.path.join(".")}: ${i.message}`);
	throw new ToolError(`The journey definition is not valid. Issues: ${issues.join("; ")}`);
}

const lifecycle = <const K extends ToolKind>(kind: K, command: JourneyCommand, title: string, description: string) =>
	defineTool({
		title,
		description,
		kind,
		action: `${command} journeys`,
		input: z.object({ journey_id: z.string().max(100) }),
		output: z.object({
			id: z.string(),
			status: z.enum(JOURNEY_STATUSES),
			version: z.number().int(),
			message: z.string(),
		}),
		run: async (ctx, { journey_id }) => {
			const done = await journeyCommand(createDb(ctx.env.DB), caller(ctx), journey_id, command);
			return { id: journey_id, ...done, message: `The journey is now ${done.status} (version ${done.version}).` };
		},
	});

export const journeyTools = {
	list_journeys: defineTool({
		title: "List journeys",
		description:
			"The workspace's automated journeys, newest first: status, version and what keeps drafts from running.",
		kind: "read",
		input: z.object({
			limit: z.number().int().min(1).max(50).default(20),
			cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
		}),
		output: z.object({ journeys: z.array(Summary), next_cursor: z.string().nullable() }),
		run: async (ctx, input) => {
			const page = await listJourneys(createDb(ctx.env.DB), ctx.principal.workspaceId, input, ctx.local);
			return { journeys: page.data.map(({ definition: _d, ...j }) => summary(j)), next_cursor: page.next_cursor };
		},
	}),
	get_journey: defineTool({
		title: "Get a journey",
		description:
			"One journey with its whole definition (entry, steps, exits) and the issues that keep it from running.",
		kind: "read",
		input: z.object({ journey_id: z.string().max(100) }),
		output: Full,
		run: async (ctx, { journey_id }) => {
			const j = await getJourney(createDb(ctx.env.DB), ctx.principal.workspaceId, journey_id, ctx.local);
			return summary(j);
		},
	}),
	journey_stats: defineTool({
		title: "Journey stats",
		description:
			"How a journey is doing: contacts entered, active, completed and exited (by reason), the goal's conversion rate, each step's waiting/passed counts with its emails' sent, delivered, opens and clicks, and each split's arms analysed like an A/B test.",
		kind: "read",
		input: z.object({ journey_id: z.string().max(100) }),
		output: JourneyStatsSchema,
		run: (ctx, { journey_id }) => journeyStats(ctx.env, createDb(ctx.env.DB), ctx.principal.workspaceId, journey_id),
	}),
	create_journey: defineTool({
		title: "Create a journey",
		description: `Create an automated journey as a draft (nothing runs until it is activated). Its issues say what activation still needs.\n${DEFINITION_HELP}`,
		kind: "write",
		action: "create journeys",
		input: z.object({
			name: z.string().trim().min(1).max(200),
			definition: z.record(z.string(), z.unknown()).describe(DEFINITION_HELP),
			transactional: z.boolean().optional().describe("Exempt from frequency caps and quiet hours (receipts, resets)"),
		}),
		output: Full,
		run: async (ctx, input) => {
			const definition = parseJourneyDefinition(input.definition);
			const j = await createJourney(createDb(ctx.env.DB), caller(ctx), { ...input, definition });
			return summary(j);
		},
	}),
	activate_journey: lifecycle(
		"send",
		"activate",
		"Activate a journey",
		"Start a draft journey: contacts begin entering it and its emails go out to real people. The whole definition is checked first; problems come back naming each step and field.",
	),
	pause_journey: lifecycle(
		"write",
		"pause",
		"Pause a journey",
		"Hold every contact where they are in an active journey; nothing is sent while it is paused.",
	),
};
