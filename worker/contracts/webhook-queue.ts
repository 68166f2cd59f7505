import { z } from "zod";

/**
 * One WEBHOOKS message is one delivery of one event to one endpoint. A fresh event carries its body (the consumer
 * records the delivery at its first attempt); a replay carries only the ids and the stored body is sent again.
 */
export const WebhookDeliveryMessageSchema = z.object({
	type: z.literal("webhook_delivery"),
	delivery_id: z.string(),
	endpoint_id: z.string(),
	workspace_id: z.string(),
	event_type: z.string().optional(),
	body: z.string().optional(),
});
export type WebhookDeliveryMessage = z.infer<typeof WebhookDeliveryMessageSchema>;
