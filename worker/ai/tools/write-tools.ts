import { tool } from "ai";
import { z } from "zod";
import { createDb } from "../../db/client";
import { audienceSize } from "../../services/audience";
import { recordAudit } from "../../services/audit";
import { createCampaign } from "../../services/campaigns";
import { createSegment } from "../../services/segments";
import { createTemplate } from "../../services/templates";
import { asTool, requireEditor, type ToolContext } from "./context";
import { DefinitionInput } from "./definition-input";

/**
 * Tools that create drafts (editors and above). None of them sends, schedules or deletes: a person
 * reviews what the assistant prepared and confirms it in the normal UI. Each creation is audited
 * as done by the caller through the assistant.
 */
export function writeTools(ctx: ToolContext) {
	const audit = (action: string, target: { type: string; id: string }) =>
		recordAudit(createDb(ctx.d1), {
			workspaceId: ctx.principal.workspaceId,
			actor: ctx.principal,
			action,
			target,
			metadata: { via: "assistant" },
		});

	return {
		create_segment: tool({
			description:
				"Save a segment from a rule tree and return it with its count. Invalid trees come back as an error naming the place at fault: fix it and call again.",
			inputSchema: z.object({
				name: z.string().min(1).max(200).describe("A short name a marketer recognises"),
				definition: DefinitionInput,
			}),
			execute: (input) =>
				asTool(async () => {
					requireEditor(ctx, "create segments");
					const segment = await createSegment(ctx.d1, ctx.principal, input);
					await audit("segment.created", { type: "segment", id: segment.id });
					return { segment, url: `/segments/${segment.id}` };
				}),
		}),
		draft_email: tool({
			description:
				'Save an email you wrote as a new template, with subject-line variants to A/B test. Write the copy yourself in the requested tone and language; the HTML may use Liquid such as {{ contact.first_name | default: "there" }}. An unsubscribe link and the postal address are added when missing. Returns the template to preview.',
			inputSchema: z.object({
				name: z.string().min(1).max(200),
				tone: z.string().min(1).max(40).describe("e.g. friendly, professional, urgent, playful"),
				language: z.string().min(2).max(40).describe("The language the copy is written in, e.g. English, de"),
				subject_variants: z
					.array(z.string().min(1).max(200))
					.min(1)
					.max(5)
					.describe("Two or three subject lines to test; the first becomes the template's subject"),
				preheader: z.string().max(200).optional(),
				html: z.string().min(1).max(100_000).describe("The email body as HTML"),
			}),
			execute: (input) =>
				asTool(async () => {
					requireEditor(ctx, "create templates");
					const template = await createTemplate(ctx.d1, ctx.principal, {
						name: input.name,
						subject: input.subject_variants[0] ?? input.name,
						preheader: input.preheader ?? null,
						html: input.html,
					});
					await audit("template.created", { type: "template", id: template.id });
					return {
						template: {
							id: template.id,
							name: template.name,
							subject: template.subject,
							preheader: template.preheader,
						},
						subject_variants: input.subject_variants,
						tone: input.tone,
						language: input.language,
						url: `/templates/${template.id}`,
					};
				}),
		}),
		create_campaign_draft: tool({
			description:
				"Create a campaign as a draft (never sent or scheduled: the user reviews and sends it). Without segment_id the audience is every subscribed contact. Returns the audience size.",
			inputSchema: z.object({
				name: z.string().min(1).max(200),
				template_id: z.string().max(100),
				segment_id: z.string().max(100).optional(),
				from_email: z.email().optional().describe("Defaults to the workspace's sender"),
				from_name: z.string().max(200).optional(),
			}),
			execute: (input) =>
				asTool(async () => {
					requireEditor(ctx, "create campaigns");
					const campaign = await createCampaign(ctx.d1, ctx.principal, {
						name: input.name,
						template_id: input.template_id,
						audience: { segment_id: input.segment_id ?? null },
						from_email: input.from_email,
						from_name: input.from_name,
					});
					await audit("campaign.created", { type: "campaign", id: campaign.id });
					return {
						campaign: { id: campaign.id, name: campaign.name, status: campaign.status },
						audience: await audienceSize(ctx.d1, ctx.principal.workspaceId, input.segment_id ?? null),
						url: `/campaigns/${campaign.id}`,
					};
				}),
		}),
	};
}
