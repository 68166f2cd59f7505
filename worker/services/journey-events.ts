import type { JourneyContactsMessage, JourneyEventsMessage } from "../contracts/queue";
import { createDb } from "../db/client";
import type { EventInsert } from "../db/events";
import { hasRunningJourney } from "../db/journey-engine";

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

/** Whether a workspace runs a journey, remembered briefly per isolate (a lifecycle change here forgets it). */
const RUNNING_TTL_MS = 30_000;
const running = new Map<string, { yes: boolean; at: number }>();

export const forgetRunningJourneys = (workspaceId: string) => running.delete(workspaceId);

async function runsJourneys(env: Pick<Env, "DB">, workspaceId: string) {
	const known = running.get(workspaceId);
	if (known && Date.now() - known.at < RUNNING_TTL_MS) return known.yes;
	const yes = await hasRunningJourney(createDb(env.DB), workspaceId);
	running.set(workspaceId, { yes, at: Date.now() });
	return yes;
}

/**
 * Contacts whose data changed: segment-entry journeys look at whether they entered or left their segment. Nothing
 * is queued for a workspace without a running journey (a change missed while another isolate still remembers none
 * is caught by the cron's reconciliation pass).
 */
export async function enqueueContactChanges(
	env: Pick<Env, "DB" | "EVENTS">,
	workspaceId: string,
	contactIds: string[],
) {
	if (contactIds.length === 0 || !(await runsJourneys(env, workspaceId))) return;
	const body: JourneyContactsMessage = { type: "journey_contacts", workspace_id: workspaceId, contact_ids: contactIds };
	await env.EVENTS.send(body);
}
