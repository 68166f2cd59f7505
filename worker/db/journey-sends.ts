import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./messages";
import { workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";
import { contacts, messages } from "./schema-contacts";
import { journeys } from "./schema-journeys";
import { sendable } from "./sends";

/** The hidden campaign of one journey send node: what its chunks are rendered from. */
export type JourneyCampaign = {
	id: string;
	workspace_id: string;
	name: string;
	template_id: string;
	from_email: string;
	from_name: string;
	journey_id: string;
	journey_node_id: string;
	transactional: 0 | 1;
	base_url: string | null;
};
/** One journey email as a message row: `key` is its idempotency key (enrollment:node:iteration). */
export type JourneyMessage = {
	id: string;
	campaign_id: string;
	key: string;
	contact_id: string;
	email: string;
	status: "queued" | "suppressed";
	chunk_id: string | null;
};

/** What the send rows are made from, in one round trip: the workspace's defaults, journey names, the contacts. */
export async function journeySendSources(db: Db, workspaceId: string, journeyIds: string[], contactIds: string[]) {
	const [workspace, names, people] = await db.batch([
		db
			.select({
				defaultFromEmail: workspaces.defaultFromEmail,
				defaultFromName: workspaces.defaultFromName,
				// Links in journey emails point where the workspace's last broadcast's did, absent APP_URL.
				lastBaseUrl: sql<string | null>`(${db
					.select({ u: campaigns.baseUrl })
					.from(campaigns)
					.where(and(eq(campaigns.workspaceId, workspaceId), isNotNull(campaigns.baseUrl)))
					.orderBy(desc(campaigns.id))
					.limit(1)})`,
			})
			.from(workspaces)
			.where(eq(workspaces.id, workspaceId)),
		db
			.select({ id: journeys.id, name: journeys.name })
			.from(journeys)
			.where(and(eq(journeys.workspaceId, workspaceId), inJson(journeys.id, journeyIds))),
		db
			.select({ id: contacts.id, email: contacts.email, sendable: sendable() })
			.from(contacts)
			.where(and(eq(contacts.workspaceId, workspaceId), inJson(contacts.id, contactIds))),
	]);
	return { workspace: workspace[0], names: new Map(names.map((j) => [j.id, j.name])), contacts: people };
}

/**
 * Writes a dispatch in one D1 batch (one transaction): the node campaigns (created, or their template and sender
 * brought up to date), the message rows (a key already written is left as it is), the chunks their still-queued
 * rows name (missing ones created, numbered after the campaign's last), and answers the chunks still waiting to be
 * sent. A replay of the same keys writes nothing new and answers the same chunks, so they can be enqueued again.
 */
export async function writeJourneySends(db: Db, workspaceId: string, nodes: JourneyCampaign[], rows: JourneyMessage[]) {
	const d1 = db.$client;
	const keys = JSON.stringify(rows.map((r) => ({ campaign_id: r.campaign_id, key: r.key, contact_id: r.contact_id })));
	const ofKeys = `json_each(?) k JOIN messages m ON m.campaign_id = k.value->>'$.campaign_id' AND m.step_id = k.value->>'$.key'
	                AND m.contact_id = k.value->>'$.contact_id'`;
	const now = "cast(unixepoch('subsec') * 1000 as integer)";
	const [, , , waiting] = await d1.batch([
		d1
			.prepare(
				`INSERT INTO campaigns (id, workspace_id, name, status, template_id, from_email, from_name, kind, journey_id, journey_node_id,
				   transactional, base_url, started_at)
				 SELECT j.value->>'$.id', j.value->>'$.workspace_id', j.value->>'$.name', 'sending', j.value->>'$.template_id',
				   j.value->>'$.from_email', j.value->>'$.from_name', 'journey', j.value->>'$.journey_id', j.value->>'$.journey_node_id',
				   j.value->>'$.transactional', j.value->>'$.base_url', ${now}
				 FROM json_each(?) j WHERE true
				 ON CONFLICT (id) DO UPDATE SET name = excluded.name, template_id = excluded.template_id, from_email = excluded.from_email,
				   from_name = excluded.from_name, transactional = excluded.transactional,
				   base_url = coalesce(excluded.base_url, campaigns.base_url), updated_at = ${now}`,
			)
			.bind(JSON.stringify(nodes)),
		d1
			.prepare(
				`INSERT INTO messages (id, workspace_id, campaign_id, step_id, contact_id, email, status, chunk_id)
				 SELECT j.value->>'$.id', ?, j.value->>'$.campaign_id', j.value->>'$.key', j.value->>'$.contact_id', j.value->>'$.email',
				   j.value->>'$.status', j.value->>'$.chunk_id'
				 FROM json_each(?) j WHERE true ON CONFLICT (campaign_id, step_id, contact_id) DO NOTHING`,
			)
			.bind(workspaceId, JSON.stringify(rows)),
		d1
			.prepare(
				`INSERT INTO chunks (id, workspace_id, campaign_id, seq, status)
				 SELECT q.chunk_id, ?, q.campaign_id,
				   (SELECT coalesce(max(c.seq), 0) FROM chunks c WHERE c.campaign_id = q.campaign_id)
				     + row_number() OVER (PARTITION BY q.campaign_id ORDER BY q.chunk_id), 'queued'
				 FROM (SELECT DISTINCT m.chunk_id, m.campaign_id FROM ${ofKeys}
				       WHERE m.status = 'queued' AND m.chunk_id IS NOT NULL
				         AND NOT EXISTS (SELECT 1 FROM chunks c WHERE c.id = m.chunk_id)) q
				 WHERE true ON CONFLICT DO NOTHING`,
			)
			.bind(workspaceId, keys),
		d1
			.prepare(
				`SELECT DISTINCT ch.id AS id, ch.campaign_id AS campaignId FROM ${ofKeys} JOIN chunks ch ON ch.id = m.chunk_id
				 WHERE m.status = 'queued' AND ch.status IN ('queued', 'frozen')`,
			)
			.bind(keys),
	]);
	return (waiting?.results ?? []) as { id: string; campaignId: string }[];
}

const SENT = sql`m.status IN ('sent', 'delivered', 'bounced', 'complained')`;

/** Per send node of a journey: emails sent and delivered, and recipients with a human open or click. */
export async function journeyNodeEmailStats(db: Db, workspaceId: string, journeyId: string) {
	const ofJourney = and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.journeyId, journeyId));
	const node = sql<string>`${campaigns.journeyNodeId}`;
	const [sends, engagement] = await db.batch([
		db
			.select({
				node,
				sent: sql<number>`coalesce(sum(${SENT}), 0)`.mapWith(Number),
				delivered: sql<number>`coalesce(sum(m.status IN ('delivered', 'complained')), 0)`.mapWith(Number),
			})
			.from(sql`${campaigns} JOIN ${messages} m ON m.campaign_id = ${campaigns.id}`)
			.where(ofJourney)
			.groupBy(campaigns.journeyNodeId),
		db
			.select({
				node,
				opens: sql<number>`count(DISTINCT CASE WHEN t.kind = 'open' THEN t.message_id END)`.mapWith(Number),
				clicks: sql<number>`count(DISTINCT CASE WHEN t.kind = 'click' THEN t.message_id END)`.mapWith(Number),
			})
			.from(sql`${campaigns} JOIN tracking_events t ON t.campaign_id = ${campaigns.id}`)
			.where(and(ofJourney, sql`t.kind IN ('open', 'click') AND t.flag IS NULL`))
			.groupBy(campaigns.journeyNodeId),
	]);
	return { sends, engagement };
}

/**
 * Which of these enrollments' journey emails had a human open or click (machine opens and bot clicks never count),
 * by enrollment and node. An email's key starts with its enrollment id and a colon.
 */
export function journeyEngagementRows(db: Db, workspaceId: string, journeyId: string, enrollmentIds: string[]) {
	return db
		.selectDistinct({
			enrollmentId: sql<string>`e.value`,
			nodeId: sql<string>`${campaigns.journeyNodeId}`,
			kind: sql<"open" | "click">`t.kind`,
		})
		.from(
			sql`${campaigns} JOIN json_each(${JSON.stringify(enrollmentIds)}) e
			    JOIN ${messages} m ON m.campaign_id = ${campaigns.id} AND m.step_id > e.value || ':' AND m.step_id < e.value || ';'
			    JOIN tracking_events t ON t.contact_id = m.contact_id AND t.kind IN ('open', 'click') AND t.message_id = m.id AND t.flag IS NULL`,
		)
		.where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.journeyId, journeyId)));
}

/** The journeys whose hidden campaigns these are (ids of other campaigns answer nothing). */
export async function journeysOfCampaigns(db: Db, campaignIds: string[]): Promise<string[]> {
	if (campaignIds.length === 0) return [];
	const rows = await db
		.selectDistinct({ journeyId: campaigns.journeyId })
		.from(campaigns)
		.where(and(inJson(campaigns.id, campaignIds), eq(campaigns.kind, "journey"), isNotNull(campaigns.journeyId)));
	return rows.flatMap((r) => (r.journeyId ? [r.journeyId] : []));
}
