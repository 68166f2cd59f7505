import { type TrackingEventMessage, TrackingEventMessageSchema } from "../contracts/queue";
import { newId } from "../domain/ids";
import { ALL_LINKS_WINDOW_MS, burstClicks, classifyClick, classifyOpen } from "../domain/tracking/classify";

type MessageInfo = {
	id: string;
	workspace_id: string;
	campaign_id: string;
	contact_id: string;
	sent_at: number | null;
};

/** Two hits of the same pixel or link within this window are one event (clients load images twice). */
const DEDUPE_WINDOW_MS = 60_000;

const dedupeKey = (e: TrackingEventMessage) =>
	e.kind === "open"
		? `o:${e.message_id}:${Math.floor(e.at / DEDUPE_WINDOW_MS)}`
		: `c:${e.message_id}:${e.link}:${e.method}:${Math.floor(e.at / DEDUPE_WINDOW_MS)}`;

/**
 * Writes a batch of opens and clicks: deduplicated (a redelivered batch or a double hit inserts
 * nothing new), machine opens and bot clicks flagged, first open/click times set on the message,
 * then one call per campaign to its Durable Object to push fresh numbers to dashboards.
 */
export async function handleEventsBatch(batch: MessageBatch<unknown>, env: Env) {
	const d1 = env.DB;
	const events: TrackingEventMessage[] = [];
	for (const message of batch.messages) {
		const parsed = TrackingEventMessageSchema.safeParse(message.body);
		if (parsed.success) events.push(parsed.data);
		else console.error(JSON.stringify({ queue: batch.queue, id: message.id, error: "unrecognized event" }));
	}
	if (events.length > 0) {
		const ids = [...new Set(events.map((e) => e.message_id))];
		const { results } = await d1
			.prepare(
				"SELECT id, workspace_id, campaign_id, contact_id, sent_at FROM messages WHERE id IN (SELECT value FROM json_each(?))",
			)
			.bind(JSON.stringify(ids))
			.all<MessageInfo>();
		const messages = new Map(results.map((m) => [m.id, m]));
		const rows = classify(events, messages);
		const earlierBots = await flagBursts(d1, rows);
		if (rows.length > 0) await writeEvents(d1, rows, earlierBots);
		const campaigns = new Set(rows.map((r) => r.campaign_id));
		await Promise.all([...campaigns].map((id) => env.CAMPAIGN.getByName(id).trackingChanged()));
	}
	for (const message of batch.messages) message.ack();
}

type Row = {
	id: string;
	workspace_id: string;
	message_id: string;
	campaign_id: string;
	contact_id: string;
	kind: "open" | "click";
	flag: string | null;
	url: string | null;
	occurred_at: number;
	dedupe_key: string;
};

/** Events of messages Pulse never sent (previews, tests, erased contacts) are dropped here. */
function classify(events: TrackingEventMessage[], messages: Map<string, MessageInfo>): Row[] {
	const rows: Row[] = [];
	for (const event of events) {
		const message = messages.get(event.message_id);
		if (!message) continue;
		const flag =
			event.kind === "open"
				? classifyOpen({ ip: event.ip, userAgent: event.user_agent, at: event.at }, message.sent_at)
				: classifyClick({ method: event.method, userAgent: event.user_agent, at: event.at }, message.sent_at);
		rows.push({
			id: newId("trk"),
			workspace_id: message.workspace_id,
			message_id: message.id,
			campaign_id: message.campaign_id,
			contact_id: message.contact_id,
			kind: event.kind,
			flag,
			url: event.url ?? null,
			occurred_at: event.at,
			dedupe_key: dedupeKey(event),
		});
	}
	return rows;
}

/**
 * Clicks of one message on two or more different links within 2 seconds are a scanner walking
 * the links. The window can span batches, so recent clicks already stored are looked at too;
 * returns the ids of stored clicks that turn out to be part of a burst.
 */
async function flagBursts(d1: D1Database, rows: Row[]): Promise<string[]> {
	const clicks = rows.filter((r) => r.kind === "click");
	if (clicks.length === 0) return [];
	const since = Math.min(...clicks.map((c) => c.occurred_at)) - ALL_LINKS_WINDOW_MS;
	const { results } = await d1
		.prepare(
			"SELECT id, message_id, url, occurred_at, flag FROM tracking_events WHERE kind = 'click' AND occurred_at >= ? AND message_id IN (SELECT value FROM json_each(?))",
		)
		.bind(since, JSON.stringify([...new Set(clicks.map((c) => c.message_id))]))
		.all<{ id: string; message_id: string; url: string | null; occurred_at: number; flag: string | null }>();
	const stored = results.map((r) => ({ ...r, stored: true }));
	const earlier: string[] = [];
	const byMessage = new Map<
		string,
		{
			id: string;
			message_id: string;
			url: string | null;
			occurred_at: number;
			stored: boolean;
			row?: Row;
			flag: string | null;
		}[]
	>();
	for (const c of [
		...stored,
		...clicks.map((row) => ({
			id: row.id,
			message_id: row.message_id,
			url: row.url,
			occurred_at: row.occurred_at,
			stored: false,
			row,
			flag: row.flag,
		})),
	]) {
		byMessage.set(c.message_id, [...(byMessage.get(c.message_id) ?? []), c]);
	}
	for (const list of byMessage.values()) {
		const urls = [...new Set(list.map((c) => c.url ?? ""))];
		for (const i of burstClicks(list.map((c) => ({ link: urls.indexOf(c.url ?? ""), at: c.occurred_at })))) {
			const click = list[i];
			if (!click) continue;
			if (click.row) click.row.flag = "bot";
			else if (click.flag === null) earlier.push(click.id);
		}
	}
	return earlier;
}

async function writeEvents(d1: D1Database, rows: Row[], earlierBots: string[]) {
	const people = rows.filter((r) => r.flag === null);
	await d1.batch([
		d1
			.prepare("UPDATE tracking_events SET flag = 'bot' WHERE id IN (SELECT value FROM json_each(?)) AND flag IS NULL")
			.bind(JSON.stringify(earlierBots)),
		d1
			.prepare(
				`INSERT INTO tracking_events (id, workspace_id, message_id, campaign_id, contact_id, kind, flag, url, occurred_at, dedupe_key)
				 SELECT j.value->>'$.id', j.value->>'$.workspace_id', j.value->>'$.message_id', j.value->>'$.campaign_id', j.value->>'$.contact_id',
				        j.value->>'$.kind', j.value->>'$.flag', j.value->>'$.url', j.value->>'$.occurred_at', j.value->>'$.dedupe_key'
				 FROM json_each(?) j WHERE true ON CONFLICT (dedupe_key) DO NOTHING`,
			)
			.bind(JSON.stringify(rows)),
		d1
			.prepare(
				`UPDATE messages SET
				   opened_at = coalesce(opened_at, (SELECT min(j.value->>'$.occurred_at') FROM json_each(?1) j WHERE j.value->>'$.message_id' = messages.id AND j.value->>'$.kind' = 'open')),
				   clicked_at = coalesce(clicked_at, (SELECT min(j.value->>'$.occurred_at') FROM json_each(?1) j WHERE j.value->>'$.message_id' = messages.id AND j.value->>'$.kind' = 'click'))
				 WHERE id IN (SELECT j.value->>'$.message_id' FROM json_each(?1) j)`,
			)
			.bind(JSON.stringify(people)),
	]);
}
