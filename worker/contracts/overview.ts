import { z } from "@hono/zod-openapi";

export const OVERVIEW_DAYS = 30;

export const ChecklistKeySchema = z.enum([
	"postal_address",
	"sender",
	"contacts",
	"template",
	"campaign_sent",
	"team",
	"app",
	"domain",
]);
export type ChecklistKey = z.infer<typeof ChecklistKeySchema>;

export const ChecklistItemSchema = z
	.object({
		key: ChecklistKeySchema,
		label: z.string(),
		done: z.boolean(),
		href: z.string().openapi({ description: "The dashboard page where it is done" }),
	})
	.openapi("ChecklistItem");

export const LiveCampaignSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		status: z.enum(["scheduled", "sending", "paused"]),
		send_at: z.string().nullable(),
		started_at: z.string().nullable(),
	})
	.openapi("OverviewLiveCampaign");

export const OverviewSchema = z
	.object({
		audience: z.object({
			total: z.number().int(),
			subscribed: z.number().int(),
			added_30d: z.number().int().openapi({ description: "Contacts created in the last 30 days" }),
			growth: z
				.array(z.object({ day: z.string().openapi({ example: "2026-12-01" }), added: z.number().int() }))
				.openapi({ description: "Contacts created per UTC day, the last 30 days, oldest first (today last)" }),
		}),
		sends_30d: z.number().int().openapi({ description: "Emails the provider accepted in the last 30 days" }),
		open_rate_30d: z
			.number()
			.nullable()
			.openapi({ description: "Share (0..1) of those opened by a person (machine opens never count); null: no sends" }),
		click_rate_30d: z
			.number()
			.nullable()
			.openapi({ description: "Share (0..1) of those clicked by a person (bot clicks never count); null: no sends" }),
		live_campaigns: z.array(LiveCampaignSchema).openapi({ description: "Scheduled, sending and paused campaigns" }),
		checklist: z.array(ChecklistItemSchema),
	})
	.openapi("Overview");
export type Overview = z.infer<typeof OverviewSchema>;
