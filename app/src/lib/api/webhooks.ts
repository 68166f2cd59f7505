import type { InferRequestType } from "hono/client";
import { api, call } from "./client";

const endpoints = api["webhook-endpoints"];
type EndpointBody = InferRequestType<typeof endpoints.$post>["json"];
type EndpointPatch = InferRequestType<(typeof endpoints)[":id"]["$patch"]>["json"];

export const listWebhookEndpoints = () => call(endpoints.$get());
export const createWebhookEndpoint = (json: EndpointBody) => call(endpoints.$post({ json }));
export const updateWebhookEndpoint = (id: string, json: EndpointPatch) =>
	call(endpoints[":id"].$patch({ param: { id }, json }));
export const deleteWebhookEndpoint = (id: string) => call(endpoints[":id"].$delete({ param: { id } }));
export const rotateWebhookSecret = (id: string, overlapHours = 24) =>
	call(endpoints[":id"]["rotate-secret"].$post({ param: { id }, json: { overlap_hours: overlapHours } }));
export const listWebhookDeliveries = (id: string, cursor?: string) =>
	call(endpoints[":id"].deliveries.$get({ param: { id }, query: { limit: "20", cursor } }));
export const replayWebhookDelivery = (id: string, deliveryId: string) =>
	call(endpoints[":id"].deliveries[":delivery_id"].replay.$post({ param: { id, delivery_id: deliveryId } }));
