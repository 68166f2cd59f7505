import { z } from "@hono/zod-openapi";

const Name = z.string().trim().min(1).max(200);

export const CLONE_PARTS = ["audience", "content", "schedule"] as const;

export const CampaignCloneBodySchema = z
	.object({
		name: Name.optional().openapi({ description: 'Default: "Copy of <name>"' }),
		include: z
			.array(z.enum(CLONE_PARTS))
			.max(3)
			.default([...CLONE_PARTS])
			.openapi({
				description:
					"`audience`: the segment and topic (absent: all subscribed contacts); `content`: a copy of the template (absent: no template chosen yet); `schedule`: the send date, when still in the future (kept on the draft, not scheduled). The sender, tracking settings and tags are always copied.",
			}),
	})
	.strict()
	.openapi("CampaignClone");

export const CloneBodySchema = z
	.object({ name: Name.optional().openapi({ description: 'Default: "Copy of <name>"' }) })
	.strict()
	.openapi("Clone");

export const SaveAsTemplateBodySchema = z
	.object({
		name: Name,
		category: z.string().trim().min(1).max(60).nullable().optional(),
	})
	.strict()
	.openapi("SaveAsTemplate");
