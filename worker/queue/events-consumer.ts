import type { StatsDelta } from "../contracts/live";
import {
	type CampaignEventsMessage,
	type EventsQueueMessage,
	EventsQueueMessageSchema,
	type TrackingEventMessage,
} from "../contracts/queue";
import { createDb, type Db } from "../db/client";
import {
	type Recorded,
	recentClicks,
	recordTrackingEvents,
	type TrackedMessage,
	type TrackingEventRow,
	trackedMessages,
} from "../db/tracking";
import { newId } from "../domain/ids";
import { ALL_LINKS_WINDOW_MS, burstClicks, classifyClick, classifyOpen } from "../domain/tracking/classify";
import {
	addCount,
	addEngagement,
	addLink,
	addStatusChange,
	emptyDelta,
	isEmptyDelta,
} from "../domain/tracking/live-stats";
import { emitStoredEventWebhooks } from "../services/webhook-emitters";
import { feedJourneys, isJourneyMessage } from "./journey-feed";
import { nudgeJourneyLives } from "./journey-live-nudge";

/** Two hits of the same pixel or link within this window are one event (clients load images twice). */
const DEDUPE_WINDOW_MS = 60_000;

const dedupeKey = (e: TrackingEventMessage) =>
	e.kind === "open"
		? `o:${e.message_id}:${Math.floor(e.at / DEDUPE_WINDOW_MS)}`
		: `c:${e.message_id}:${e.link}:${e.method}:${Math.floor(e.at / DEDUPE_WINDOW_MS)}`;

type Row = TrackingEventRow & { dedupeKey: string; contactId: string };

/**
 * Writes a batch of opens, clicks, unsubscribes and provider events: deduplicated (a redelivered batch
 * or a double hit inserts nothing new), machine opens and bot clicks flagged, first open/click times
 * set on the message; then one call per campaign to its object with what the inserted rows changed.
 */
export async function handleEventsBatch(batch: MessageBatch<unknown>, env: Env) {
	const all: EventsQueueMessage[] = [];
	for (const message of batch.messages) {
		const parsed = EventsQueueMessageSchema.safeParse(message.body);
		if (parsed.success) all.push(parsed.data);
		else console.error(JSON.stringify({ queue: batch.queue, id: message.id, error: "unrecognized event" }));
	}
	const events = all.filter((m): m is CampaignEventsMessage => !isJourneyMessage(m));
	if (events.length > 0) {
		const db = createDb(env.DB);
		const hits = events.filter((e): e is TrackingEventMessage => e.type === "tracking");
		const messages = new Map(
			(await trackedMessages(db, [...new Set(hits.map((e) => e.message_id))])).map((m) => [m.id, m]),
		);
		const rows = [...classify(hits, messages), ...notified(events)];
		const earlierBots = await flagBursts(db, rows);
		if (rows.length > 0) {
			const recorded = await recordTrackingEvents(db, rows, earlierBots);
			// Webhooks first (kept in their outbox): a redelivered batch inserts nothing, so a campaign object that
			// fails below must not take the batch's email.* events with it.
			await emitStoredEventWebhooks(env, rows, recorded.inserted);
			const deltas = deltasOf(rows, recorded, moves(events));
			await Promise.all([...deltas].map(([campaignId, delta]) => env.CAMPAIGN.getByName(campaignId).applyDelta(delta)));
			// A journey email's open, click or provider event: its watched live page shows the new numbers.
			await nudgeJourneyLives(
				env,
				db,
				rows.filter((r) => recorded.inserted.has(r.dedupeKey)).map((r) => r.campaignId),
			);
		}
	}
	// Journeys: custom events, unsubscribes and contact changes reach their shards (each applied once per key).
	await feedJourneys(env, all);
	for (const message of batch.messages) message.ack();
}

/** Events of messages Pulse never sent (previews, tests, erased contacts) are dropped here. */
function classify(events: TrackingEventMessage[], messages: Map<string, TrackedMessage>): Row[] {
	const rows: Row[] = [];
	for (const event of events) {
		const message = messages.get(event.message_id);
		if (!message) continue;
		const sentAt = message.sentAt?.getTime() ?? null;
		const flag =
			event.kind === "open"
				? classifyOpen({ ip: event.ip, userAgent: event.user_agent, at: event.at }, sentAt)
				: classifyClick({ method: event.method, userAgent: event.user_agent, at: event.at }, sentAt);
		rows.push({
			id: newId("trk"),
			workspaceId: message.workspaceId,
			messageId: message.id,
			campaignId: message.campaignId,
			contactId: message.contactId,
			kind: event.kind,
			flag,
			url: event.url ?? null,
			occurredAt: new Date(event.at),
			dedupeKey: dedupeKey(event),
		});
	}
	return rows;
}

/** Unsubscribes and provider events, already applied to the message and contact in their request. */
function notified(events: CampaignEventsMessage[]): Row[] {
	const rows: Row[] = [];
	for (const event of events) {
		if (event.type === "tracking") continue;
		rows.push({
			id: newId("trk"),
			workspaceId: event.workspace_id,
			messageId: event.message_id,
			campaignId: event.campaign_id,
			contactId: event.contact_id,
			kind: event.type === "unsubscribe" ? "unsubscribe" : event.kind,
			flag: null,
			url: null,
			occurredAt: new Date(event.at),
			dedupeKey:
				event.type === "unsubscribe"
					? `u:${event.workspace_id}:${event.contact_id}:${event.message_id}`
					: `w:${event.svix_id}`,
		});
	}
	return rows;
}

/** Message status changes made by provider events, by the dedupe key of their event. */
function moves(events: CampaignEventsMessage[]) {
	const byKey = new Map<string, { from: string; to: string }>();
	for (const event of events)
		if (event.type === "provider" && event.moved) byKey.set(`w:${event.svix_id}`, event.moved);
	return byKey;
}

/**
 * Clicks of one message on two or more different links within 2 seconds are a scanner walking
 * the links. The window can span batches, so recent clicks already stored are looked at too;
 * returns the ids of stored clicks that turn out to be part of a burst.
 */
async function flagBursts(db: Db, rows: Row[]): Promise<string[]> {
	const clicks = rows.filter((r) => r.kind === "click");
	if (clicks.length === 0) return [];
	const since = Math.min(...clicks.map((c) => c.occurredAt.getTime())) - ALL_LINKS_WINDOW_MS;
	const stored = await recentClicks(db, [...new Set(clicks.map((c) => c.messageId ?? ""))], since);
	type Click = { id: string; messageId: string; url: string | null; at: number; flag: string | null; row?: Row };
	const earlier: string[] = [];
	const byMessage = new Map<string, Click[]>();
	const all: Click[] = [
		...stored.map((s) => ({
			id: s.id,
			messageId: s.messageId ?? "",
			url: s.url,
			at: s.occurredAt.getTime(),
			flag: s.flag,
		})),
		...clicks.map((row) => ({
			id: row.id ?? "",
			messageId: row.messageId ?? "",
			url: row.url ?? null,
			at: row.occurredAt.getTime(),
			flag: row.flag ?? null,
			row,
		})),
	];
	for (const c of all) byMessage.set(c.messageId, [...(byMessage.get(c.messageId) ?? []), c]);
	for (const list of byMessage.values()) {
		const urls = [...new Set(list.map((c) => c.url ?? ""))];
		for (const i of burstClicks(list.map((c) => ({ link: urls.indexOf(c.url ?? ""), at: c.at })))) {
			const click = list[i];
			if (!click) continue;
			if (click.row) click.row.flag = "bot";
			else if (click.flag === null) earlier.push(click.id);
		}
	}
	return earlier;
}

/**
 * What the inserted rows changed, per campaign. A person's event is their first of its kind (a unique
 * open, click or unsubscribe; per link for clicks) when, right after the insert, the stored count
 * equals what this batch inserted. Earlier clicks re-flagged as bots ask the object to re-read D1.
 */
function deltasOf(rows: Row[], recorded: Recorded, moved: Map<string, { from: string; to: string }>) {
	const deltas = new Map<string, StatsDelta>();
	const deltaOf = (campaignId: string) => {
		let delta = deltas.get(campaignId);
		if (!delta) {
			delta = emptyDelta();
			deltas.set(campaignId, delta);
		}
		return delta;
	};
	const mine = new Map<string, number>();
	const key = (campaignId: string, contactId: string, kind: string, url: string | null | undefined) =>
		JSON.stringify([campaignId, contactId, kind, url ?? null]);
	const fresh = rows.filter((r) => r.campaignId && recorded.inserted.has(r.dedupeKey));
	for (const row of fresh) {
		const campaignId = row.campaignId ?? "";
		const delta = deltaOf(campaignId);
		const human = row.flag == null;
		if (row.kind === "open") {
			addCount(delta, "opens");
			if (row.flag === "machine") addCount(delta, "machine_opens");
			addEngagement(delta, row.occurredAt.getTime(), "open", human);
		} else if (row.kind === "click") {
			addCount(delta, "clicks");
			if (row.flag === "bot") addCount(delta, "bot_clicks");
			addLink(delta, row.url ?? "", 1, 0);
			addEngagement(delta, row.occurredAt.getTime(), "click", human);
		}
		const change = moved.get(row.dedupeKey);
		if (change) addStatusChange(delta, change.from, change.to);
		if (human && (row.kind === "open" || row.kind === "click" || row.kind === "unsubscribe")) {
			const k = key(campaignId, row.contactId, row.kind, null);
			mine.set(k, (mine.get(k) ?? 0) + 1);
			if (row.kind === "click") {
				const perLink = key(campaignId, row.contactId, "link", row.url);
				mine.set(perLink, (mine.get(perLink) ?? 0) + 1);
			}
		}
	}
	const stored = new Map<string, number>();
	for (const c of recorded.humanCounts) {
		const k = key(c.campaignId ?? "", c.contactId, c.kind, null);
		stored.set(k, (stored.get(k) ?? 0) + c.n);
		if (c.kind === "click") stored.set(key(c.campaignId ?? "", c.contactId, "link", c.url), c.n);
	}
	for (const [k, n] of mine) {
		if (stored.get(k) !== n) continue;
		const [campaignId, , kind, url] = JSON.parse(k) as [string, string, string, string | null];
		const delta = deltaOf(campaignId);
		if (kind === "open") addCount(delta, "unique_opens");
		else if (kind === "click") addCount(delta, "unique_clicks");
		else if (kind === "unsubscribe") addCount(delta, "unsubscribed");
		else if (kind === "link") addLink(delta, url ?? "", 0, 1);
	}
	if (recorded.flaggedEarlier > 0)
		for (const campaignId of new Set(rows.flatMap((r) => (r.kind === "click" && r.campaignId ? [r.campaignId] : []))))
			deltaOf(campaignId).reconcile = true;
	for (const [campaignId, delta] of deltas) if (isEmptyDelta(delta)) deltas.delete(campaignId);
	return deltas;
}
