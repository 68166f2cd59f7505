import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import {
	MarkReadSchema,
	NotificationListSchema,
	NotificationPreferencesInputSchema,
	NotificationPreferencesSchema,
	NotificationSettingsSchema,
} from "../contracts/notifications";
import { ApiError } from "../errors";
import { authorize, clientIp, isSameOrigin } from "../middleware/auth";
import {
	getNotificationSettings,
	getPreferences,
	listNotifications,
	openNotificationSocket,
	putNotificationSettings,
	putPreferences,
	readNotifications,
} from "../services/notifications";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Notifications"];

export const notificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("self", {
			method: "get",
			path: "/notifications",
			tags,
			summary: "Your newest notifications and how many are unread",
			description:
				'Live over `GET /api/v1/notifications/live` (WebSocket): `{type: "hello", unread}` on connect, then `{type: "notification", notification, unread}` and `{type: "unread", unread}`.',
			responses: { 200: jsonResponse(NotificationListSchema, "The list") },
		}),
		async (c) => c.json(await listNotifications(c.var.db, c.var.principal), 200),
	)
	.openapi(
		defineRoute("self", {
			method: "post",
			path: "/notifications/read",
			tags,
			summary: "Mark your notifications read (these `ids`, or all when absent)",
			request: { body: jsonBody(MarkReadSchema) },
			responses: { 200: jsonResponse(z.object({ unread: z.number().int() }), "What is left unread") },
		}),
		async (c) => c.json(await readNotifications(c.env, c.var.principal, c.req.valid("json").ids), 200),
	)
	.openapi(
		defineRoute("self", {
			method: "get",
			path: "/notification-preferences",
			tags,
			summary: "How you receive each kind of notification",
			responses: { 200: jsonResponse(NotificationPreferencesSchema, "Your preferences") },
		}),
		async (c) => c.json(await getPreferences(c.var.db, c.var.principal), 200),
	)
	.openapi(
		defineRoute("self", {
			method: "put",
			path: "/notification-preferences",
			tags,
			summary: "Choose per kind: in_app, email or off; and a daily digest instead of single emails",
			request: { body: jsonBody(NotificationPreferencesInputSchema) },
			responses: { 200: jsonResponse(NotificationPreferencesSchema, "Your preferences") },
		}),
		async (c) => c.json(await putPreferences(c.var.db, c.var.principal, c.req.valid("json")), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "get",
			path: "/notification-settings",
			tags,
			summary: "The workspace's Slack incoming webhook",
			responses: { 200: jsonResponse(NotificationSettingsSchema, "The settings") },
		}),
		async (c) => c.json(await getNotificationSettings(c.var.db, c.var.principal.workspaceId), 200),
	)
	.openapi(
		defineRoute("admin", {
			method: "put",
			path: "/notification-settings",
			tags,
			summary: "Post the workspace's notifications to Slack (an https://hooks.slack.com/ URL; null to stop)",
			request: { body: jsonBody(NotificationSettingsSchema) },
			responses: { 200: jsonResponse(NotificationSettingsSchema, "The settings") },
		}),
		async (c) =>
			c.json(await putNotificationSettings(c.var.db, c.var.principal, c.req.valid("json"), clientIp(c)), 200),
	)
	// The bell's socket (hibernating, one per member's tab, on the workspace's NotificationsDO).
	.get(
		"/notifications/live",
		async (c, next) => {
			if (c.req.header("upgrade")?.toLowerCase() !== "websocket")
				throw new ApiError("bad_request", "Connect with a WebSocket");
			return authorize("self")(c, next);
		},
		async (c) => {
			if (c.var.principal.kind === "session" && !isSameOrigin(c))
				throw new ApiError("csrf_failed", "This socket was not opened by the Pulse dashboard");
			return openNotificationSocket(c.env, c.var.principal);
		},
	);
