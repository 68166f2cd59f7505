import { z } from "@hono/zod-openapi";

/** Every event a workspace's webhook endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = [
	"contact.created",
	"contact.updated",
	"contact.unsubscribed",
	"email.sent",
	"email.delivered",
	"email.opened",
	"email.clicked",
	"email.bounced",
	"email.complained",
	"campaign.status_changed",
	"journey.enrolled",
	"journey.exited",
	"import.completed",
	"approval.decided",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (type: string): type is WebhookEventType =>
	(WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

const EventsSchema = z
	.array(z.string().min(1).max(100))
	.min(1, "Choose at least one event")
	.max(WEBHOOK_EVENT_TYPES.length)
	.openapi({
		example: ["email.clicked", "contact.unsubscribed"],
		description: `Any of ${WEBHOOK_EVENT_TYPES.join(", ")}`,
	});

export const WebhookEndpointInputSchema = z
	.object({
		url: z.string().trim().min(1).max(2000).openapi({
			example: "https://hooks.example.com/pulse",
			description: "https only (http://127.0.0.1 or localhost only while Pulse runs locally); never a private address",
		}),
		events: EventsSchema,
		enabled: z.boolean().default(true),
	})
	.strict()
	.openapi("WebhookEndpointInput");
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInputSchema>;

export const WebhookEndpointPatchSchema = z
	.object({ url: WebhookEndpointInputSchema.shape.url, events: EventsSchema, enabled: z.boolean() })
	.partial()
	.strict()
	.openapi("WebhookEndpointPatch");
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatchSchema>;

export const WebhookEndpointSchema = z
	.object({
		id: z.string(),
		url: z.string(),
		events: z.array(z.string()),
		enabled: z.boolean(),
		disabled_reason: z.string().nullable().openapi({ description: "Why Pulse turned the endpoint off, if it did" }),
		failing_since: z.string().nullable().openapi({ description: "First failed attempt since the last success" }),
		previous_secret_expires_at: z
			.string()
			.nullable()
			.openapi({ description: "Until then deliveries are signed with the previous secret too" }),
		created_at: z.string(),
	})
	.openapi("WebhookEndpoint");
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
	secret: z.string().openapi({
		example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
		description: "The signing secret: shown in this answer only",
	}),
}).openapi("WebhookEndpointWithSecret");

export const RotateSecretSchema = z
	.object({
		overlap_hours: z.number().int().min(0).max(168).default(24).openapi({
			description: "How long deliveries are signed with the previous secret too (default 24)",
		}),
	})
	.strict()
	.openapi("RotateWebhookSecret");

export const WebhookAttemptSchema = z.object({
	at: z.string(),
	status_code: z.number().int().nullable(),
	duration_ms: z.number().int(),
	error: z.string().optional(),
});
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;

export const WebhookDeliverySchema = z
	.object({
		id: z.string(),
		event_type: z.string(),
		webhook_id: z.string().openapi({ description: "The `webhook-id` header: the same on every retry and replay" }),
		attempts: z.array(WebhookAttemptSchema),
		status: z.enum(["pending", "succeeded", "failed"]),
		created_at: z.string(),
	})
	.openapi("WebhookDelivery");
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const DeliveryParamSchema = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: "id", in: "path" } }),
	delivery_id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: "delivery_id", in: "path" } }),
});
