import { Hono } from "hono";
import type { AppEnv } from "../context";
import { createDb } from "../db/client";
import { verifySvix } from "../domain/webhooks/svix";
import { ApiError } from "../errors";
import { sendAfterWrite } from "../services/contact-outbox";
import { applyResendEvent, type ResendEvent } from "../services/webhooks";

/**
 * Resend's delivery events, Svix-signed; verified on the raw body before anything is parsed. The status
 * change and any suppression apply at once (a contact it marks is told to the webhook endpoints before the answer);
 * the event log and live numbers follow through the EVENTS queue.
 */
export const webhookRoutes = new Hono<AppEnv>().post("/resend", async (c) => {
	const secret = c.env.RESEND_WEBHOOK_SECRET;
	if (!secret) throw new ApiError("service_unavailable", "RESEND_WEBHOOK_SECRET is not configured");
	const raw = await c.req.text();
	const headers = {
		id: c.req.header("svix-id") ?? null,
		timestamp: c.req.header("svix-timestamp") ?? null,
		signature: c.req.header("svix-signature") ?? null,
	};
	const check = await verifySvix(secret, headers, raw);
	if (!check.ok) throw new ApiError("unauthorized", `Webhook refused: ${check.reason}`);
	let event: ResendEvent;
	try {
		event = JSON.parse(raw) as ResendEvent;
	} catch {
		throw new ApiError("bad_request", "The webhook body is not JSON");
	}
	const result = await applyResendEvent(createDb(c.env.DB), headers.id ?? "", event);
	if (result.notify) c.executionCtx.waitUntil(c.env.EVENTS.send(result.notify));
	// A contact now bounced or complained: told to the workspace's endpoints like any other contact change (its
	// event was kept by the change's own batch, so the cron sends it if this does not).
	const changed = result.changedContact;
	if (changed) await sendAfterWrite(c.env, changed.workspaceId, changed.contactId, changed.events);
	return c.json({ ok: true, applied: result.applied, reason: result.reason });
});
