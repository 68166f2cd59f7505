import type { SendsQueueMessage } from "../contracts/queue";
import { newId } from "../domain/ids";
import { compileSegment } from "../domain/segments/compile";

export type FanoutPosition = { cursor: string; seq: number };
export type FanoutCampaign = { campaignId: string; workspaceId: string; segmentDefinition: unknown | null };

type AudienceRow = { id: string; email: string; sendable: number };

/** The chunk id is a function of campaign and sequence, so replaying a step recreates nothing. */
export const chunkIdOf = (campaignId: string, seq: number) =>
	`chk_${campaignId.slice(4)}${seq.toString(36).padStart(6, "0")}`;

/** Where the audience is read from: a segment's rules, or every subscribed contact. */
export function audienceFilter(campaign: FanoutCampaign, now: number) {
	if (!campaign.segmentDefinition)
		return { where: "c.status = 'subscribed'", params: [] as (string | number | null)[] };
	return compileSegment(campaign.segmentDefinition as Parameters<typeof compileSegment>[0], {
		workspaceId: campaign.workspaceId,
		now,
	});
}

export async function countAudience(d1: D1Database, campaign: FanoutCampaign, afterId = "") {
	const filter = audienceFilter(campaign, Date.now());
	const row = await d1
		.prepare(`SELECT count(*) AS n FROM contacts c WHERE c.workspace_id = ? AND c.id > ? AND (${filter.where})`)
		.bind(campaign.workspaceId, afterId, ...filter.params)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

/**
 * One fan-out step: the next `size` audience contacts after the cursor become message rows
 * (a replay inserts nothing: unique per campaign and contact). Suppressed, unsubscribed,
 * bounced and complained contacts are recorded as `suppressed` and never chunked; the rest
 * form one chunk. Returns the chunk to enqueue (if any) and where the next step starts.
 */
export async function fanoutStep(d1: D1Database, campaign: FanoutCampaign, at: FanoutPosition, size: number) {
	const filter = audienceFilter(campaign, Date.now());
	const { results } = await d1
		.prepare(
			`SELECT c.id, c.email,
			   (c.status = 'subscribed' AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.workspace_id = c.workspace_id AND s.email = c.email)) AS sendable
			 FROM contacts c WHERE c.workspace_id = ? AND c.id > ? AND (${filter.where}) ORDER BY c.id LIMIT ?`,
		)
		.bind(campaign.workspaceId, at.cursor, ...filter.params, size)
		.all<AudienceRow>();
	const last = results.at(-1);
	if (!last) return { done: true as const, chunk: null, next: at, suppressed: 0, queued: 0 };

	const chunkId = chunkIdOf(campaign.campaignId, at.seq);
	const sendable = results.filter((r) => r.sendable);
	const rows = results.map((r) => ({
		id: newId("msg"),
		contact_id: r.id,
		email: r.email,
		status: r.sendable ? "queued" : "suppressed",
		chunk_id: r.sendable ? chunkId : null,
	}));
	const statements = [
		d1
			.prepare(
				`INSERT INTO messages (id, workspace_id, campaign_id, step_id, contact_id, email, status, chunk_id)
				 SELECT j.value->>'$.id', ?1, ?2, 'main', j.value->>'$.contact_id', j.value->>'$.email', j.value->>'$.status', j.value->>'$.chunk_id'
				 FROM json_each(?3) j WHERE true ON CONFLICT (campaign_id, step_id, contact_id) DO NOTHING`,
			)
			.bind(campaign.workspaceId, campaign.campaignId, JSON.stringify(rows)),
	];
	if (sendable.length > 0) {
		statements.push(
			d1
				.prepare(
					"INSERT INTO chunks (id, workspace_id, campaign_id, seq, status) VALUES (?, ?, ?, ?, 'queued') ON CONFLICT DO NOTHING",
				)
				.bind(chunkId, campaign.workspaceId, campaign.campaignId, at.seq),
		);
	}
	await d1.batch(statements);
	const chunk: SendsQueueMessage | null =
		sendable.length > 0
			? { type: "send_chunk", workspace_id: campaign.workspaceId, campaign_id: campaign.campaignId, chunk_id: chunkId }
			: null;
	return {
		done: results.length < size,
		chunk,
		next: { cursor: last.id, seq: at.seq + 1 },
		suppressed: results.length - sendable.length,
		queued: sendable.length,
	};
}
