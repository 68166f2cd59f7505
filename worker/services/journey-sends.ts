import { createDb } from "../db/client";
import {
	type JourneyCampaign,
	type JourneyMessage,
	journeyEngagementRows,
	journeyNodeEmailStats,
	journeySendSources,
	writeJourneySends,
} from "../db/journey-sends";
import { sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";
import { enqueueSends, sendChunkMessage } from "./fanout";

/** One journey email to send: `key` (enrollment:node:iteration) makes it happen once however often it is asked. */
export type JourneySend = {
	key: string;
	workspaceId: string;
	journeyId: string;
	nodeId: string;
	templateId: string;
	fromName?: string;
	fromEmail?: string;
	contactId: string;
	transactional: boolean;
	/** Public origin of the email's links; absent: APP_URL, else the workspace's last broadcast's. */
	baseUrl?: string;
};

/** Recipients per chunk (one provider call), as for broadcasts. */
const CHUNK_SIZE = 100;

/** The hidden campaign of a journey's send node: one id per journey and node, whatever the dispatch. */
export const journeyCampaignId = async (journeyId: string, nodeId: string) =>
	`cmp_j${(await sha256Hex(`${journeyId}\n${nodeId}`)).slice(0, 25)}`;

/** A chunk's id is a function of the keys it holds, so dispatching the same keys again names the same chunk. */
const chunkIdOf = async (campaignId: string, keys: string[]) =>
	`chk_j${(await sha256Hex(`${campaignId}\n${keys.join("\n")}`)).slice(0, 25)}`;

/**
 * Sends journey emails through the one send pipeline, as a broadcast's: message rows (unique per node campaign and
 * key), chunks of ≤100, one SENDS message each; the sends consumer then freezes them (suppression checked again),
 * paces them, sends them with the chunk's idempotency key, records them and tracks opens, clicks and unsubscribes.
 * Idempotent by key: a repeated dispatch (a crash, a redelivery) writes nothing new and only enqueues again the
 * chunks not yet sent, which the consumer sends at most once. Contacts no longer mailable are recorded `suppressed`.
 * Frequency cap and quiet hours are the caller's to decide before (see `sendLimitsFor`).
 */
export async function dispatchJourneySends(env: Env, sends: JourneySend[]): Promise<void> {
	const byWorkspace = new Map<string, JourneySend[]>();
	for (const s of sends) byWorkspace.set(s.workspaceId, [...(byWorkspace.get(s.workspaceId) ?? []), s]);
	for (const [workspaceId, list] of byWorkspace) await dispatchInWorkspace(env, workspaceId, list);
}

async function dispatchInWorkspace(env: Env, workspaceId: string, sends: JourneySend[]) {
	const db = createDb(env.DB);
	const unique = [...new Map(sends.map((s) => [s.key, s])).values()];
	const sources = await journeySendSources(
		db,
		workspaceId,
		[...new Set(unique.map((s) => s.journeyId))],
		[...new Set(unique.map((s) => s.contactId))],
	);
	if (!sources.workspace) return;
	const { workspace } = sources;
	const people = new Map(sources.contacts.map((c) => [c.id, c]));

	const nodes = new Map<string, JourneyCampaign>();
	const byCampaign = new Map<string, { send: JourneySend; email: string; sendable: boolean }[]>();
	for (const send of unique) {
		const contact = people.get(send.contactId);
		if (!contact) continue; // erased since: nobody to mail
		const id = await journeyCampaignId(send.journeyId, send.nodeId);
		nodes.set(id, {
			id,
			workspace_id: workspaceId,
			name: `${sources.names.get(send.journeyId) ?? "Journey"} · ${send.nodeId}`,
			template_id: send.templateId,
			from_email: send.fromEmail || workspace.defaultFromEmail,
			from_name: send.fromName ?? workspace.defaultFromName,
			journey_id: send.journeyId,
			journey_node_id: send.nodeId,
			transactional: send.transactional ? 1 : 0,
			base_url: (send.baseUrl || env.APP_URL || workspace.lastBaseUrl || null)?.replace(/\/+$/, "") ?? null,
		});
		byCampaign.set(id, [...(byCampaign.get(id) ?? []), { send, email: contact.email, sendable: contact.sendable }]);
	}
	const rows: JourneyMessage[] = [];
	for (const [campaignId, list] of byCampaign) {
		const mailable = list.filter((r) => r.sendable).sort((a, b) => (a.send.key < b.send.key ? -1 : 1));
		for (let i = 0; i < mailable.length; i += CHUNK_SIZE) {
			const slice = mailable.slice(i, i + CHUNK_SIZE);
			const chunkId = await chunkIdOf(
				campaignId,
				slice.map((r) => r.send.key),
			);
			for (const r of slice) rows.push(messageRow(campaignId, r, chunkId));
		}
		for (const r of list) if (!r.sendable) rows.push(messageRow(campaignId, r, null));
	}
	if (rows.length === 0) return;
	const waiting = await writeJourneySends(db, workspaceId, [...nodes.values()], rows);
	await enqueueSends(
		env.SENDS,
		waiting.map((c) => sendChunkMessage({ campaignId: c.campaignId, workspaceId }, c.id)),
	);
}

function messageRow(
	campaignId: string,
	r: { send: JourneySend; email: string },
	chunkId: string | null,
): JourneyMessage {
	return {
		id: newId("msg"),
		campaign_id: campaignId,
		key: r.send.key,
		contact_id: r.send.contactId,
		email: r.email,
		status: chunkId ? "queued" : "suppressed",
		chunk_id: chunkId,
	};
}

export type NodeEmailStats = { sent: number; delivered: number; opens: number; clicks: number };

/**
 * Each send node's email numbers for a journey's stats: sent, delivered, and opens and clicks as recipients with a
 * human open or click (machine opens and bot clicks never count). Nodes that never sent are absent.
 */
export async function journeyEmailStats(
	env: Pick<Env, "DB">,
	workspaceId: string,
	journeyId: string,
): Promise<Record<string, NodeEmailStats>> {
	const { sends, engagement } = await journeyNodeEmailStats(createDb(env.DB), workspaceId, journeyId);
	const stats: Record<string, NodeEmailStats> = {};
	for (const r of sends) stats[r.node] = { sent: r.sent, delivered: r.delivered, opens: 0, clicks: 0 };
	for (const r of engagement) {
		const node = stats[r.node] ?? { sent: 0, delivered: 0, opens: 0, clicks: 0 };
		stats[r.node] = { ...node, opens: r.opens, clicks: r.clicks };
	}
	return stats;
}

export type Engagement = "opened" | "clicked";

/**
 * For branch-on-engagement: per enrollment, the (node, opened|clicked) pairs where its journey email had a human
 * open or click (machine opens and bot clicks excluded), in one read for all the enrollments given.
 */
export async function journeyEngagement(
	env: Pick<Env, "DB">,
	workspaceId: string,
	journeyId: string,
	enrollmentIds: string[],
): Promise<Map<string, { nodeId: string; kind: Engagement }[]>> {
	const found = new Map<string, { nodeId: string; kind: Engagement }[]>();
	if (enrollmentIds.length === 0) return found;
	const rows = await journeyEngagementRows(createDb(env.DB), workspaceId, journeyId, [...new Set(enrollmentIds)]);
	for (const r of rows) {
		const kind: Engagement = r.kind === "open" ? "opened" : "clicked";
		found.set(r.enrollmentId, [...(found.get(r.enrollmentId) ?? []), { nodeId: r.nodeId, kind }]);
	}
	return found;
}

/** `ExecContext.engaged` for one enrollment, from what `journeyEngagement` found. */
export const engagedFrom =
	(found: Map<string, { nodeId: string; kind: Engagement }[]>, enrollmentId: string) =>
	(nodeId: string, kind: Engagement) =>
		(found.get(enrollmentId) ?? []).some((e) => e.nodeId === nodeId && e.kind === kind);
