import type { TimelineItem, TimelineKind } from "../contracts/timeline";
import { createDb } from "../db/client";
import { findContactRow } from "../db/contacts";
import {
	hasConsentHistory,
	type TimelineBound,
	timelineConsent,
	timelineEvents,
	timelineJourneys,
	timelineMessages,
	timelineStatusChanges,
	timelineTracking,
} from "../db/timeline";
import { boundFor, decodeTimelineCursor, isBefore, mergeTimeline } from "../domain/reports/timeline-cursor";
import { ApiError, notFound } from "../errors";

type Query = { kinds: TimelineKind[]; limit: number; cursor?: string };
/** An item while the sources are merged: its time as ms. */
type Positioned<T> = T extends unknown ? Omit<T, "at"> & { at: number } : never;
type Item = Positioned<TimelineItem>;

const iso = (at: Date | number | null) => (at === null ? null : new Date(at).toISOString());
const ms = (at: Date | number) => (typeof at === "number" ? at : at.getTime());

/**
 * A contact's history, newest first, across messages (with their campaign, status, people's and machines'
 * opens and clicks), opens and clicks (machine opens and bot clicks flagged as such), custom events, status
 * changes, the consent record and journey enrollments. Each source is read from the cursor on, at most
 * `limit + 1` rows, and the sources are merged.
 */
export async function contactTimeline(d1: D1Database, workspaceId: string, contactId: string, query: Query) {
	const cursor = query.cursor ? decodeTimelineCursor(query.cursor) : null;
	if (query.cursor && !cursor)
		throw new ApiError("validation_failed", "The cursor is not valid", [{ path: "cursor", message: "Invalid cursor" }]);
	const db = createDb(d1);
	const contact = await findContactRow(db, workspaceId, contactId);
	if (!contact) throw notFound("Contact");
	const wants = (kind: TimelineKind) => query.kinds.includes(kind);
	const source = (kind: TimelineKind) => ({
		workspaceId,
		contactId,
		bound: boundFor(kind, cursor) as TimelineBound,
		limit: query.limit + 1,
	});
	const none = Promise.resolve([]);

	const [sent, opens, clicks, events, statuses, consents, enrollments] = await Promise.all([
		wants("message") ? timelineMessages(db, source("message")) : none,
		wants("open") ? timelineTracking(db, "open", source("open")) : none,
		wants("click") ? timelineTracking(db, "click", source("click")) : none,
		wants("event") ? timelineEvents(db, source("event")) : none,
		wants("status") ? timelineStatusChanges(db, source("status")) : none,
		wants("consent") ? timelineConsent(db, source("consent")) : none,
		wants("journey") ? timelineJourneys(db, source("journey")) : none,
	]);
	const items: Item[] = [
		...sent.map(
			(m): Item => ({
				kind: "message",
				at: m.at,
				id: m.id,
				campaign_id: m.campaignId,
				campaign_name: m.campaignName,
				status: m.status,
				sent_at: iso(m.sentAt),
				opened_at: iso(m.openedAt),
				clicked_at: iso(m.clickedAt),
				opens: m.opens,
				machine_opens: m.machineOpens,
				clicks: m.clicks,
				bot_clicks: m.botClicks,
			}),
		),
		...[
			...opens.map((r) => ({ ...r, kind: "open" as const })),
			...clicks.map((r) => ({ ...r, kind: "click" as const })),
		].map(
			(r): Item => ({
				kind: r.kind,
				at: ms(r.at),
				id: r.id,
				campaign_id: r.campaignId,
				campaign_name: r.campaignName,
				url: r.url,
				flag: r.flag,
			}),
		),
		...events.map((e): Item => ({ kind: "event", at: ms(e.at), id: e.id, name: e.name, properties: e.properties })),
		...statuses.map(
			(h): Item => ({ kind: "status", at: ms(h.at), id: h.id, from: h.from, to: h.to, source: h.source }),
		),
		...consents.map((c): Item => ({ kind: "consent", at: ms(c.at), id: c.id, source: c.source, text: c.text })),
		...enrollments.map(
			(e): Item => ({
				kind: "journey",
				at: e.at,
				id: e.id,
				journey_id: e.journeyId,
				journey_name: e.journeyName,
				status: e.status,
			}),
		),
	];
	// A contact without consent history (imported, or from before it was kept) shows the record on its row.
	if (wants("consent") && contact.consentSource && !(await hasConsentHistory(db, contact.id))) {
		const consent: Item = {
			kind: "consent",
			at: ms(contact.consentAt ?? contact.createdAt),
			id: contact.id,
			source: contact.consentSource,
			text: contact.consentText,
		};
		if (!cursor || isBefore(cursor, consent)) items.push(consent);
	}
	const { page, next } = mergeTimeline(items, query.limit);
	return {
		data: page.map((item) => ({ ...item, at: new Date(item.at).toISOString() }) as TimelineItem),
		next_cursor: next,
	};
}
