import { formatAddress } from "../domain/sender";
import { renderEmail } from "../domain/templates/render";
import type { CampaignRow } from "../services/campaigns";
import type { ContactRecord } from "../services/contacts-present";
import type { OutboundEmail } from "./providers/provider";

export type FrozenChunk = { messageIds: string[]; emails: OutboundEmail[] };

async function storedPayloads(d1: D1Database, chunkId: string): Promise<FrozenChunk> {
	const { results } = await d1
		.prepare("SELECT message_id, payload FROM chunk_payloads WHERE chunk_id = ? ORDER BY position")
		.bind(chunkId)
		.all<{ message_id: string; payload: string }>();
	return {
		messageIds: results.map((r) => r.message_id),
		emails: results.map((r) => JSON.parse(r.payload) as OutboundEmail),
	};
}

/**
 * The chunk's exact bytes: rendered once, at its first attempt, and stored, so every retry sends
 * the same payload under the same idempotency key. Suppression is checked right before freezing:
 * whoever unsubscribed, bounced or complained by then is left out (and counted as suppressed).
 */
export async function loadOrFreeze(
	d1: D1Database,
	chunkId: string,
	campaign: CampaignRow,
	secret: string,
): Promise<FrozenChunk> {
	const existing = await storedPayloads(d1, chunkId);
	if (existing.emails.length > 0) return existing;

	const { results } = await d1
		.prepare(
			`SELECT m.id AS message_id, c.*,
			   (c.status = 'subscribed' AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.workspace_id = c.workspace_id AND s.email = c.email)) AS sendable
			 FROM messages m LEFT JOIN contacts c ON c.id = m.contact_id
			 WHERE m.chunk_id = ? AND m.status = 'queued' ORDER BY m.id`,
		)
		.bind(chunkId)
		.all<ContactRecord & { message_id: string; sendable: number | null }>();
	const [template, workspace, tags] = await Promise.all([
		d1
			.prepare("SELECT subject, preheader, html, text FROM templates WHERE id = ?")
			.bind(campaign.template_id)
			.first<{ subject: string; preheader: string | null; html: string; text: string | null }>(),
		d1
			.prepare("SELECT id, name, postal_address FROM workspaces WHERE id = ?")
			.bind(campaign.workspace_id)
			.first<{ id: string; name: string; postal_address: string }>(),
		d1
			.prepare(
				"SELECT t.contact_id, t.tag FROM contact_tags t JOIN messages m ON m.contact_id = t.contact_id WHERE m.chunk_id = ?",
			)
			.bind(chunkId)
			.all<{ contact_id: string; tag: string }>(),
	]);
	if (!template || !workspace) throw new Error(`campaign ${campaign.id} lost its template or workspace`);
	const tagsOf = new Map<string, string[]>();
	for (const t of tags.results) tagsOf.set(t.contact_id, [...(tagsOf.get(t.contact_id) ?? []), t.tag]);

	const from = formatAddress(campaign.from_name, campaign.from_email);
	const payloads: { message_id: string; position: number; payload: string }[] = [];
	const suppressed: string[] = [];
	for (const row of results) {
		if (!row.sendable || !row.id) {
			suppressed.push(row.message_id);
			continue;
		}
		const rendered = await renderEmail(template, {
			contact: {
				id: row.id,
				email: row.email,
				first_name: row.first_name,
				last_name: row.last_name,
				attributes: JSON.parse(row.attributes),
				tags: tagsOf.get(row.id) ?? [],
				timezone: row.timezone,
				locale: row.locale,
			},
			workspace: { id: workspace.id, name: workspace.name, postal_address: workspace.postal_address },
			messageId: row.message_id,
			baseUrl: campaign.base_url ?? "",
			tracking: { opens: Boolean(campaign.track_opens), clicks: Boolean(campaign.track_clicks) },
			secret,
		});
		const email: OutboundEmail = {
			messageId: row.message_id,
			workspaceId: campaign.workspace_id,
			campaignId: campaign.id,
			to: row.email,
			from,
			replyTo: campaign.reply_to,
			...rendered,
		};
		payloads.push({ message_id: row.message_id, position: payloads.length, payload: JSON.stringify(email) });
	}
	// Concurrent freezes of one chunk (a duplicate delivery) race here: the first insert wins,
	// and a loser reads the winner's payloads back instead of using its own.
	const [inserted] = await d1.batch([
		d1
			.prepare(
				"INSERT INTO chunk_payloads (message_id, chunk_id, position, payload) SELECT j.value->>'$.message_id', ?, j.value->>'$.position', j.value->>'$.payload' FROM json_each(?) j WHERE true ON CONFLICT DO NOTHING",
			)
			.bind(chunkId, JSON.stringify(payloads)),
		d1
			.prepare(
				"UPDATE messages SET status = 'suppressed' WHERE id IN (SELECT value FROM json_each(?)) AND status = 'queued'",
			)
			.bind(JSON.stringify(suppressed)),
		d1
			.prepare("UPDATE chunks SET status = 'frozen', updated_at = ? WHERE id = ? AND status = 'queued'")
			.bind(Date.now(), chunkId),
	]);
	if ((inserted?.meta.changes ?? 0) === payloads.length) {
		return {
			messageIds: payloads.map((p) => p.message_id),
			emails: payloads.map((p) => JSON.parse(p.payload) as OutboundEmail),
		};
	}
	return storedPayloads(d1, chunkId);
}
