import { z } from "@hono/zod-openapi";

export const NOTIFICATION_KINDS = [
	"review_requested",
	"review_decided",
	"review_overdue",
	"mentioned",
	"campaign_started",
	"campaign_completed",
	"campaign_failed",
	"import_finished",
	"journey_error",
	"dead_letters",
	"provider_errors",
	"alert",
	"task_overdue",
] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS).openapi("NotificationKind");
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

export const NotificationSchema = z
	.object({
		id: z.string(),
		kind: NotificationKindSchema,
		title: z.string(),
		body: z.string(),
		link: z.string().nullable(),
		read_at: z.string().nullable(),
		created_at: z.string(),
	})
	.openapi("Notification");
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ data: z.array(NotificationSchema), unread: z.number().int() });

export const MarkReadSchema = z.object({ ids: z.array(z.string().min(1).max(64)).max(500).optional() });

export const CHANNELS = ["in_app", "email", "off"] as const;
export type Channel = (typeof CHANNELS)[number];

export const NotificationPreferencesSchema = z
	.object({
		kinds: z
			.record(NotificationKindSchema, z.enum(CHANNELS))
			.openapi({ description: "Per kind: in_app (the bell only), email (the bell and an email) or off" }),
		daily_digest: z.boolean().openapi({ description: "Email one digest a day instead of one email per notification" }),
	})
	.openapi("NotificationPreferences");
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
export const NotificationPreferencesInputSchema = z.object({
	kinds: z.partialRecord(NotificationKindSchema, z.enum(CHANNELS)).optional(),
	daily_digest: z.boolean().optional(),
});

export const SLACK_PREFIX = "https://hooks.slack.com/";
export const NotificationSettingsSchema = z
	.object({
		slack_webhook_url: z
			.string()
			.max(500)
			.url()
			.refine((u) => u.startsWith(SLACK_PREFIX), { message: `Must start with ${SLACK_PREFIX}` })
			.nullable(),
	})
	.openapi("NotificationSettings");

/** What the notifications socket sends: the unread count on connect and on change, and each new notification. */
export type NotificationLiveMessage = { type: "notification"; notification: Notification; unread: number };
export type NotificationSocketFrame =
	| NotificationLiveMessage
	| { type: "hello"; unread: number }
	| { type: "unread"; unread: number };
