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
			workspace_id: e.workspaceId,
			campaign_id: e.campaignId,
			message_id: e.messageId,
			to_email: e.to,
			from_email: e.from,
			reply_to: e.replyTo,
			subject: e.subject,
			html: e.html,
			text: e.text,
			headers: JSON.stringify(e.headers),
			position,
		}));
		await this.d1
			.prepare(
				`INSERT INTO outbox_messages (id, workspace_id, campaign_id, message_id, to_email, from_email, reply_to, subject, html, text, headers, idempotency_key, position)
				 SELECT j.value->>'$.id', j.value->>'$.workspace_id', j.value->>'$.campaign_id', j.value->>'$.message_id', j.value->>'$.to_email',
				        j.value->>'$.from_email', j.value->>'$.reply_to', j.value->>'$.subject', j.value->>'$.html', j.value->>'$.text',
				        j.value->>'$.headers', ?1, j.value->>'$.position'
				 FROM json_each(?2) j WHERE true ON CONFLICT (idempotency_key, position) DO NOTHING`,
			)
			.bind(idempotencyKey, JSON.stringify(rows))
			.run();
		const { results } = await this.d1
			.prepare("SELECT id FROM outbox_messages WHERE idempotency_key = ? ORDER BY position")
			.bind(idempotencyKey)
			.all<{ id: string }>();
		return { ok: true, providerIds: results.map((r) => r.id) };
	}
}
