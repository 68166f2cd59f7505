import type { JourneyContactsMessage, JourneyEventsMessage } from "../contracts/queue";
import type { EventInsert } from "../db/events";

/** A queue message stays well under the 128 KB limit (an event's properties are at most 32 KB). */
const MAX_MESSAGE_BYTES = 96_000;

/**
 * Stored events go to the journeys through the EVENTS queue, in messages of at most ~96 KB. Each carries a key
 * (its idempotency key when given, else its id), so a repeated request or a redelivery is applied once.
 */
export async function enqueueJourneyEvents(queue: Queue<unknown>, workspaceId: string, rows: EventInsert[]) {
	const messages: JourneyEventsMessage[] = [];
	let current: JourneyEventsMessage["events"] = [];
	let size = 0;
	for (const row of rows) {
		const event = {
			key: row.idempotency_key ? `i:${row.idempotency_key}` : row.id,
			contact_id: row.contact_id,
			name: row.name,
			properties: JSON.parse(row.properties) as Record<string, unknown>,
			occurred_at: row.occurred_at,
		};
		const bytes = new TextEncoder().encode(row.properties).length + row.name.length + 200;
		if (current.length > 0 && size + bytes > MAX_MESSAGE_BYTES) {
			messages.push({ type: "journey_events", workspace_id: workspaceId, events: current });
			current = [];
			size = 0;
		}
		current.push(event);
		size += bytes;
	}
	if (current.length > 0) messages.push({ type: "journey_events", workspace_id: workspaceId, events: current });
	if (messages.length > 0) await queue.sendBatch(messages.map((body) => ({ body })));
}

/** Contacts whose data changed: segment-entry journeys look at whether they entered or left their segment. */
export async function enqueueContactChanges(queue: Queue<unknown>, workspaceId: string, contactIds: string[]) {
	if (contactIds.length === 0) return;
	const body: JourneyContactsMessage = { type: "journey_contacts", workspace_id: workspaceId, contact_ids: contactIds };
	await queue.send(body);
}
