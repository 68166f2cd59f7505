import type { Db } from "../db/client";
import { chunkRecipients, chunkTags, freezeChunk, storedPayloads } from "../db/sends";
import { formatAddress } from "../domain/sender";
import { renderEmail } from "../domain/templates/render";
import type { OutboundEmail } from "./providers/provider";
import type { CampaignSources } from "./send-sources";
import { contentOf } from "./variant-content";

/** `suppressed`: recipients this freeze left out and marked `suppressed` (0 when it found the chunk frozen). */
export type FrozenChunk = { messageIds: string[]; emails: OutboundEmail[]; suppressed: number };

async function stored(db: Db, chunkId: string): Promise<FrozenChunk> {
	const rows = await storedPayloads(db, chunkId);
	return {
		messageIds: rows.map((r) => r.messageId),
		emails: rows.map((r) => JSON.parse(r.payload) as OutboundEmail),
		suppressed: 0,
	};
}

/**
 * The chunk's exact bytes: rendered once, at its first attempt, and stored, so every retry sends
 * the same payload under the same idempotency key. Suppression is checked right before freezing:
 * whoever unsubscribed, bounced or complained by then is left out (and counted as suppressed).
 * `frozenBefore`: the chunk was frozen by an earlier attempt, so its stored payloads are read first.
 */
export async function loadOrFreeze(
	db: Db,
	chunkId: string,
	sources: CampaignSources,
	secret: string,
	frozenBefore: boolean,
): Promise<FrozenChunk> {
	if (frozenBefore) {
		const existing = await stored(db, chunkId);
		if (existing.emails.length > 0) return existing;
	}
	const [recipients, tags] = await Promise.all([chunkRecipients(db, chunkId), chunkTags(db, chunkId)]);
	const tagsOf = new Map<string, string[]>();
	for (const t of tags) tagsOf.set(t.contactId, [...(tagsOf.get(t.contactId) ?? []), t.tag]);

	const { campaign, workspace } = sources;
	const emails: OutboundEmail[] = [];
	const payloads: { message_id: string; position: number; payload: string }[] = [];
	const suppressed: string[] = [];
	for (const { messageId, variantId, contact, sendable } of recipients) {
		if (!sendable || !contact) {
			suppressed.push(messageId);
			continue;
		}
		const { template, fromName } = contentOf(sources, variantId);
		const rendered = await renderEmail(template, {
			contact: {
				id: contact.id,
				email: contact.email,
				first_name: contact.firstName,
				last_name: contact.lastName,
				attributes: contact.attributes,
				tags: tagsOf.get(contact.id) ?? [],
				timezone: contact.timezone,
				locale: contact.locale,
			},
			workspace: { id: workspace.id, name: workspace.name, postal_address: workspace.postalAddress },
			messageId,
			baseUrl: campaign.baseUrl ?? "",
			tracking: { opens: campaign.trackOpens, clicks: campaign.trackClicks },
			secret,
		});
		const email: OutboundEmail = {
			messageId,
			workspaceId: campaign.workspaceId,
			campaignId: campaign.id,
			to: contact.email,
			from: formatAddress(fromName, campaign.fromEmail),
			replyTo: campaign.replyTo,
			...rendered,
		};
		emails.push(email);
		payloads.push({ message_id: messageId, position: payloads.length, payload: JSON.stringify(email) });
	}
	// Concurrent freezes of one chunk (a duplicate delivery) race here: the first insert wins,
	// and a loser reads the winner's payloads back instead of using its own.
	const frozen = await freezeChunk(db, chunkId, payloads, suppressed, Date.now());
	if (frozen.stored === payloads.length) {
		return { messageIds: payloads.map((p) => p.message_id), emails, suppressed: frozen.suppressed };
	}
	return { ...(await stored(db, chunkId)), suppressed: frozen.suppressed };
}
