import { newId } from "../domain/ids";

/** The Resend events Pulse acts on, and the message status each one moves to. */
const TARGET: Record<string, "sent" | "delivered" | "bounced" | "complained" | null> = {
	"email.sent": "sent",
	"email.delivered": "delivered",
	"email.bounced": "bounced",
	"email.complained": "complained",
	"email.delivery_delayed": null,
};

// Statuses only move forward: a late "delivered" never overwrites "bounced" or "complained".
const RANK_SQL =
	"CASE status WHEN 'queued' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2 WHEN 'bounced' THEN 3 WHEN 'complained' THEN 3 ELSE 9 END";
const RANK: Record<string, number> = { sent: 1, delivered: 2, bounced: 3, complained: 3 };

export type ResendEvent = {
	type: string;
	created_at?: string;
	data?: { email_id?: string; bounce?: { type?: string; message?: string } };
};

const isHardBounce = (event: ResendEvent) => /permanent|hard/i.test(event.data?.bounce?.type ?? "Permanent");

/**
 * Applies one verified Resend webhook, once per `svix-id`. A hard bounce or a complaint
 * suppresses the address in the workspace; a delayed delivery is noted without changing the outcome.
 */
export async function applyResendEvent(d1: D1Database, svixId: string, event: ResendEvent) {
	const fresh = await d1
		.prepare("INSERT INTO webhook_events (id, type) VALUES (?, ?) ON CONFLICT DO NOTHING")
		.bind(svixId, event.type)
		.run();
	if ((fresh.meta.changes ?? 0) === 0) return { applied: false, reason: "duplicate" as const, campaignId: null };
	const providerId = event.data?.email_id;
	if (!providerId || !(event.type in TARGET)) return { applied: false, reason: "ignored" as const, campaignId: null };
	const message = await d1
		.prepare("SELECT id, workspace_id, campaign_id, contact_id, email FROM messages WHERE provider_id = ?")
		.bind(providerId)
		.first<{ id: string; workspace_id: string; campaign_id: string; contact_id: string; email: string }>();
	if (!message) return { applied: false, reason: "unknown message" as const, campaignId: null };
	const at = event.created_at ? Date.parse(event.created_at) || Date.now() : Date.now();
	const target = TARGET[event.type];
	if (!target) {
		await d1
			.prepare("UPDATE messages SET last_error = ? WHERE id = ?")
			.bind(`delivery delayed at ${new Date(at).toISOString()}`, message.id)
			.run();
		return { applied: true, reason: "noted" as const, campaignId: message.campaign_id };
	}
	const kind =
		target === "bounced"
			? "bounce"
			: target === "complained"
				? "complaint"
				: target === "delivered"
					? "delivered"
					: null;
	const suppress = target === "complained" || (target === "bounced" && isHardBounce(event));
	const statements = [
		d1
			.prepare(
				`UPDATE messages SET status = ?, delivered_at = CASE WHEN ? = 'delivered' THEN coalesce(delivered_at, ?) ELSE delivered_at END, last_error = ? WHERE id = ? AND ${RANK_SQL} < ?`,
			)
			.bind(
				target,
				target,
				at,
				target === "bounced" ? (event.data?.bounce?.message ?? "bounced").slice(0, 500) : null,
				message.id,
				RANK[target] ?? 0,
			),
	];
	if (kind) {
		statements.push(
			d1
				.prepare(
					"INSERT INTO tracking_events (id, workspace_id, message_id, campaign_id, contact_id, kind, occurred_at, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
				)
				.bind(
					newId("trk"),
					message.workspace_id,
					message.id,
					message.campaign_id,
					message.contact_id,
					kind,
					at,
					`w:${svixId}`,
				),
		);
	}
	if (suppress) {
		const reason = target === "complained" ? "complained" : "bounced";
		statements.push(
			d1
				.prepare(
					"INSERT INTO suppressions (workspace_id, email, reason, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason",
				)
				.bind(message.workspace_id, message.email, reason, at),
			d1
				.prepare(
					"INSERT INTO contact_status_history (id, workspace_id, contact_id, from_status, to_status, source, created_at) SELECT ?, workspace_id, id, status, ?, 'resend webhook', ? FROM contacts WHERE id = ? AND status <> ?",
				)
				.bind(newId("csh"), reason, at, message.contact_id, reason),
			d1.prepare("UPDATE contacts SET status = ?, updated_at = ? WHERE id = ?").bind(reason, at, message.contact_id),
		);
	}
	await d1.batch(statements);
	return { applied: true, reason: "applied" as const, campaignId: message.campaign_id };
}
