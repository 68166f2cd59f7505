import { createDb } from "../../db/client";
import { captureBatch } from "../../db/sends";
import { newId } from "../../domain/ids";
import type { BatchResult, EmailProvider, OutboundEmail } from "./provider";

/**
 * The default provider without a Resend key: "sends" by storing each rendered email in D1
 * for the Outbox page. A replayed batch (same idempotency key) stores nothing new and
 * answers with the ids stored the first time, as Resend does.
 */
export class CaptureProvider implements EmailProvider {
	readonly name = "capture" as const;

	constructor(private readonly d1: D1Database) {}

	async sendBatch(emails: OutboundEmail[], idempotencyKey: string): Promise<BatchResult> {
		const rows = emails.map((e, position) => ({
			id: newId("out"),
			workspaceId: e.workspaceId,
			campaignId: e.campaignId,
			messageId: e.messageId,
			toEmail: e.to,
			fromEmail: e.from,
			replyTo: e.replyTo,
			subject: e.subject,
			html: e.html,
			text: e.text,
			headers: e.headers,
			position,
		}));
		return { ok: true, providerIds: await captureBatch(createDb(this.d1), idempotencyKey, rows) };
	}
}
