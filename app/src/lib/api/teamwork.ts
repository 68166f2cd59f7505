import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

type Policy = InferRequestType<(typeof api)["approval-policy"]["$put"]>["json"];
type Decide = InferRequestType<(typeof api.campaigns)[":id"]["approval"]["decide"]["$post"]>["json"];
type Prefs = InferRequestType<(typeof api)["notification-preferences"]["$put"]>["json"];
export type Approval = InferResponseType<(typeof api.campaigns)[":id"]["approval"]["$get"], 200>;
export type ApprovalPolicy = InferResponseType<(typeof api)["approval-policy"]["$get"], 200>;
export type Comment = InferResponseType<(typeof api.campaigns)[":id"]["comments"]["$post"], 201>;
export type NotificationItem = InferResponseType<typeof api.notifications.$get, 200>["data"][number];
export type ReviewTarget = "campaigns" | "journeys";

export const getApprovalPolicy = () => call(api["approval-policy"].$get());
export const saveApprovalPolicy = (json: Policy) => call(api["approval-policy"].$put({ json }));

export const getApproval = (target: ReviewTarget, id: string) =>
	call(api[target][":id"].approval.$get({ param: { id } }));
export const requestApproval = (target: ReviewTarget, id: string) =>
	call(api[target][":id"].approval.request.$post({ param: { id } }));
export const decideApproval = (target: ReviewTarget, id: string, json: Decide) =>
	call(api[target][":id"].approval.decide.$post({ param: { id }, json }));

export const listComments = (target: ReviewTarget, id: string) =>
	call(api[target][":id"].comments.$get({ param: { id }, query: { limit: "500" } }));
export const addComment = (target: ReviewTarget, id: string, body: string, parentId?: string) =>
	call(api[target][":id"].comments.$post({ param: { id }, json: { body, parent_id: parentId ?? null } }));

export const listNotifications = () => call(api.notifications.$get());
export const markNotificationsRead = (ids?: string[]) => call(api.notifications.read.$post({ json: { ids } }));
export const getNotificationPreferences = () => call(api["notification-preferences"].$get());
export const saveNotificationPreferences = (json: Prefs) => call(api["notification-preferences"].$put({ json }));
export const getNotificationSettings = () => call(api["notification-settings"].$get());
export const saveNotificationSettings = (slackWebhookUrl: string | null) =>
	call(api["notification-settings"].$put({ json: { slack_webhook_url: slackWebhookUrl } }));

/** The bell's socket address, on this page's origin (the session cookie goes with the handshake). */
export function notificationsLiveUrl(): string {
	const scheme = location.protocol === "https:" ? "wss:" : "ws:";
	return `${scheme}//${location.host}/api/v1/notifications/live`;
}
