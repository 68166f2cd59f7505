import { z } from "zod";
import { createDb } from "../../db/client";
import { type DraftStep, linearJourney, starterForWords } from "../../domain/journeys/draft";
import { buildStarter, withSegment } from "../../domain/journeys/starters";
import { createJourney } from "../../services/journeys";
import { createSegment } from "../../services/segments";
import { listTemplates } from "../../services/templates";
import { type ToolContext, ToolError } from "./context";
import { defineTool } from "./define";

const Step = z.discriminatedUnion("type", [
	z.object({
		type: z.literal("email"),
		template_id: z.string().max(64).optional().describe("Defaults to the template given for the whole journey"),
	}),
	z.object({ type: z.literal("wait"), duration: z.string().max(32).describe("ISO-8601: PT4H, P2D, P1W") }),
]);

/** The template every email step starts with: the one named, else the workspace's newest. */
async function templateFor(ctx: ToolContext, named: string | undefined): Promise<string> {
	if (named) return named;
	const first = (await listTemplates(ctx.env.DB, ctx.principal.workspaceId, { limit: 1 })).data[0];
	if (!first)
		throw new ToolError("The workspace has no template yet: draft an email template first, then the journey.");
	return first.id;
}

export const journeyDraftTools = {
	draft_journey: defineTool({
		title: "Draft a journey from a description",
		description:
			'Turn plain words ("a three-step welcome series for new signups", "an abandoned-cart reminder", "a birthday email", "win back people who stopped opening", "day 1/3/7 onboarding") into a journey saved as a DRAFT for a person to review in the builder and activate. Never activates. Give `steps` to lay out exactly the emails and waits asked for; otherwise the closest ready-made journey is used.',
		kind: "write",
		action: "create journeys",
		input: z.object({
			request: z.string().trim().min(1).max(2000).describe("The person's words"),
			name: z.string().trim().min(1).max(200).optional(),
			template_id: z.string().max(64).optional().describe("Template for the email steps (default: the newest one)"),
			entry_event: z
				.string()
				.trim()
				.min(1)
				.max(100)
				.optional()
				.describe("The event that starts it (default signed_up)"),
			steps: z.array(Step).min(1).max(20).optional().describe("Emails and waits in order, for a straight-line journey"),
		}),
		output: z.object({
			id: z.string(),
			name: z.string(),
			status: z.literal("draft"),
			issues: z.array(z.object({ path: z.string(), message: z.string() })),
			url: z.string(),
			message: z.string(),
		}),
		run: async (ctx, input) => {
			const templateId = await templateFor(ctx, input.template_id);
			let name = input.name;
			let definition: ReturnType<typeof linearJourney>;
			if (input.steps) {
				const steps: DraftStep[] = input.steps.map((s) =>
					s.type === "email" ? { type: "email", template_id: s.template_id ?? templateId } : s,
				);
				definition = linearJourney(input.entry_event ?? "signed_up", steps);
			} else {
				const draft = buildStarter(starterForWords(input.request), templateId);
				name ??= draft.name;
				definition = draft.definition;
				if (draft.segment)
					definition = withSegment(draft, (await createSegment(ctx.env.DB, ctx.principal, draft.segment)).id);
				if (input.entry_event && definition.entry.type === "event")
					definition = { ...definition, entry: { ...definition.entry, event: input.entry_event } };
			}
			const journey = await createJourney(
				createDb(ctx.env.DB),
				{ actor: ctx.principal, ip: ctx.ip, local: ctx.local },
				{ name: name ?? input.request.slice(0, 80), definition },
			);
			return {
				id: journey.id,
				name: journey.name,
				status: "draft" as const,
				issues: journey.issues,
				url: `/journeys/${journey.id}`,
				message: `Saved “${journey.name}” as a draft: review its steps in the builder and activate it there.`,
			};
		},
	}),
};
