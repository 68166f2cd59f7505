import { tool } from "ai";
import { z } from "zod";
import { CONTACT_STATUSES } from "../../contracts/contacts";
import { campaignInsights } from "../../domain/campaigns/insights";
import { campaignStats } from "../../services/campaign-stats";
import { findCampaign } from "../../services/campaigns";
import { listContacts } from "../../services/contacts-read";
import { parseDefinition, previewSegment } from "../../services/segments";
import { getTemplate } from "../../services/templates";
import { describeWorkspaceForAssistant } from "../workspace-summary";
import { asTool, type ToolContext } from "./context";
import { DefinitionInput } from "./definition-input";

/** Enough of a template's source for the model to review it without flooding its context. */
const MAX_TEMPLATE_CHARS = 20_000;

/** Tools that only read: every role may use them. */
export function readTools(ctx: ToolContext) {
	const workspaceId = ctx.principal.workspaceId;
	return {
		describe_workspace: tool({
			description:
				"What this workspace holds: contact counts, the attribute names and tags in use (with sample values), saved segments, templates and recent campaigns (those sent come first, the latest sent first). Call it before building segments or campaigns.",
			inputSchema: z.object({}),
			execute: () => describeWorkspaceForAssistant(ctx.d1, ctx.principal),
		}),
		search_contacts: tool({
			description: "Find contacts by email or name, optionally filtered by status, tag or saved segment.",
			inputSchema: z.object({
				query: z.string().max(200).optional().describe("Part of an email address or a name"),
				status: z.enum(CONTACT_STATUSES).optional(),
				tag: z.string().max(100).optional(),
				segment_id: z.string().max(100).optional(),
				limit: z.number().int().min(1).max(20).default(10),
			}),
			execute: (input) =>
				asTool(async () => {
					const page = await listContacts(ctx.d1, workspaceId, { ...input, q: input.query });
					return {
						contacts: page.data.map((c) => ({
							id: c.id,
							email: c.email,
							name: [c.first_name, c.last_name].filter(Boolean).join(" "),
							status: c.status,
							tags: c.tags,
							attributes: c.attributes,
						})),
						has_more: page.next_cursor !== null,
					};
				}),
		}),
		count_segment: tool({
			description:
				"Count the contacts a segment definition matches, with a few sample addresses, without saving anything.",
			inputSchema: z.object({ definition: DefinitionInput }),
			execute: ({ definition }) =>
				asTool(async () => {
					const preview = await previewSegment(ctx.d1, workspaceId, parseDefinition(definition), 5);
					return { count: preview.count, sample: preview.sample.map((c) => c.email) };
				}),
		}),
		get_template: tool({
			description: "A template's name, subject, preheader and HTML source (Liquid included), to review or improve it.",
			inputSchema: z.object({ template_id: z.string().max(100) }),
			execute: ({ template_id }) =>
				asTool(async () => {
					const t = await getTemplate(ctx.d1, workspaceId, template_id);
					return {
						id: t.id,
						name: t.name,
						subject: t.subject,
						preheader: t.preheader,
						html: t.html.length > MAX_TEMPLATE_CHARS ? `${t.html.slice(0, MAX_TEMPLATE_CHARS)}…` : t.html,
						url: `/templates/${t.id}`,
					};
				}),
		}),
		summarize_campaign: tool({
			description:
				"A campaign's results (sent, opens, clicks, bounces, unsubscribes, top links) with rates, findings in plain words and suggestions for what to try next.",
			inputSchema: z.object({ campaign_id: z.string().max(100) }),
			execute: ({ campaign_id }) =>
				asTool(async () => {
					const campaign = await findCampaign(ctx.d1, workspaceId, campaign_id);
					const stats = await campaignStats(ctx.d1, campaign.id, campaign.status);
					const { timeline: _timeline, links, ...numbers } = stats;
					return {
						campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
						stats: { ...numbers, top_links: links.slice(0, 5) },
						...campaignInsights(stats),
						url: `/campaigns/${campaign.id}`,
					};
				}),
		}),
	};
}
