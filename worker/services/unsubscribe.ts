import { newId } from "../domain/ids";

export type UnsubscribeTarget = { messageId: string; contactId: string; workspaceId: string };

/**
 * Who a link is for: the contact (if still there), the workspace, and the campaign of the message.
 * `message` is null unless Pulse sent this message to this contact: such a link acts on nobody.
 */
export async function describeTarget(d1: D1Database, target: UnsubscribeTarget) {
	const [workspace, contact, message] = await Promise.all([
		d1.prepare("SELECT name FROM workspaces WHERE id = ?").bind(target.workspaceId).first<{ name: string }>(),
		d1
			.prepare("SELECT email, status FROM contacts WHERE id = ? AND workspace_id = ?")
			.bind(target.contactId, target.workspaceId)
			.first<{ email: string; status: string }>(),
		d1
			.prepare("SELECT campaign_id FROM messages WHERE id = ? AND workspace_id = ? AND contact_id = ?")
			.bind(target.messageId, target.workspaceId, target.contactId)
			.first<{ campaign_id: string }>(),
	]);
	return {
		workspaceName: workspace?.name ?? null,
		contact,
		sent: message !== null,
		campaignId: message?.campaign_id ?? null,
	};
}

/**
 * Unsubscribes at once (status, suppression list, history, a tracking event for the campaign),
 * so the very next chunk of every running campaign leaves this contact out. Idempotent. Changes
 * nothing unless the message was sent to this contact (`sent` in the answer).
 */
export async function unsubscribe(d1: D1Database, target: UnsubscribeTarget, source: "link" | "one_click") {
	const described = await describeTarget(d1, target);
	const { contact, sent } = described;
	if (!contact || !sent) return described;
	const { campaignId } = described;
	const now = Date.now();
	const statements = [
		d1
			.prepare(
				"INSERT INTO suppressions (workspace_id, email, reason, created_at) VALUES (?, ?, 'unsubscribed', ?) ON CONFLICT DO NOTHING",
			)
			.bind(target.workspaceId, contact.email, now),
		d1
			.prepare(
				"INSERT INTO tracking_events (id, workspace_id, message_id, campaign_id, contact_id, kind, occurred_at, dedupe_key) VALUES (?, ?, ?, ?, ?, 'unsubscribe', ?, ?) ON CONFLICT DO NOTHING",
			)
			.bind(
				newId("trk"),
				target.workspaceId,
				target.messageId,
				campaignId,
				target.contactId,
				now,
				`u:${target.workspaceId}:${target.contactId}:${target.messageId}`,
			),
	];
	if (contact.status === "subscribed") {
		statements.push(
			d1
				.prepare("UPDATE contacts SET status = 'unsubscribed', updated_at = ? WHERE id = ? AND status = 'subscribed'")
				.bind(now, target.contactId),
			d1
				.prepare(
					"INSERT INTO contact_status_history (id, workspace_id, contact_id, from_status, to_status, source, created_at) VALUES (?, ?, ?, 'subscribed', 'unsubscribed', ?, ?)",
				)
				.bind(
					newId("csh"),
					target.workspaceId,
					target.contactId,
					source === "one_click" ? "one-click unsubscribe" : "unsubscribe link",
					now,
				),
		);
	}
	await d1.batch(statements);
	return described;
}
