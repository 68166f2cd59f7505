import type { ShardInput } from "../contracts/journey-shard";
import type { JourneyDefinition } from "../contracts/journeys";
import type { EventsQueueMessage } from "../contracts/queue";
import { createDb } from "../db/client";
import { contactsMatching, runningJourneyVersions } from "../db/journey-engine";
import { findSegmentRows } from "../db/journey-segments";
import { newId } from "../domain/ids";
import { byShard, shardName } from "../domain/journeys/shards";

/*
 * The EVENTS consumer's journey part: custom events, unsubscribes and contact changes of one batch reach the
 * running journeys of their workspaces. One D1 read finds those journeys (every version), one more per segment that
 * some journey enters on or exits by; then one RPC per journey shard carries that shard's part of the batch.
 */

type Running = { id: string; workspaceId: string; status: string; definitions: JourneyDefinition[] };

/** Event names a journey listens to (entry, waits and goals of every version still running). */
function listensTo(journey: Running): Set<string> {
	const names = new Set<string>();
	for (const d of journey.definitions) {
		if (d.entry.type === "event") names.add(d.entry.event);
		for (const x of d.exit ?? []) if (x.type === "event") names.add(x.event);
		for (const node of Object.values(d.nodes)) if (node.type === "wait_event") names.add(node.event);
	}
	return names;
}

/** Segments whose membership a journey follows (segment entry, segment_leave exits). */
function segmentsOf(journey: Running): Set<string> {
	const ids = new Set<string>();
	for (const d of journey.definitions) {
		if (d.entry.type === "segment") ids.add(d.entry.segment_id);
		for (const x of d.exit ?? []) if (x.type === "segment_leave") ids.add(x.segment_id);
	}
	return ids;
}

export const isJourneyMessage = (m: EventsQueueMessage) => m.type === "journey_events" || m.type === "journey_contacts";

export async function feedJourneys(env: Env, messages: EventsQueueMessage[], now = Date.now()) {
	const wanted = messages.filter((m) => isJourneyMessage(m) || m.type === "unsubscribe");
	if (wanted.length === 0) return;
	const db = createDb(env.DB);
	const workspaceIds = [...new Set(wanted.map((m) => ("workspace_id" in m ? m.workspace_id : "")))];
	const journeys = new Map<string, Running>();
	for (const row of await runningJourneyVersions(db, workspaceIds)) {
		const j = journeys.get(row.id) ?? { id: row.id, workspaceId: row.workspaceId, status: row.status, definitions: [] };
		j.definitions.push(row.definition);
		journeys.set(row.id, j);
	}
	if (journeys.size === 0) return;
	const inputs = new Map<string, ShardInput[]>(); // journey id -> inputs
	const push = (journeyId: string, input: ShardInput) =>
		inputs.set(journeyId, [...(inputs.get(journeyId) ?? []), input]);
	const touched = new Map<string, Set<string>>(); // workspace -> contacts whose segments may have changed

	for (const m of wanted) {
		const ofWorkspace = [...journeys.values()].filter((j) => j.workspaceId === m.workspace_id);
		const touch = (contactId: string) =>
			touched.set(m.workspace_id, (touched.get(m.workspace_id) ?? new Set()).add(contactId));
		if (m.type === "unsubscribe") {
			for (const j of ofWorkspace)
				push(j.id, { kind: "unsubscribed", key: `u:${m.contact_id}:${m.at}`, contactId: m.contact_id, at: m.at });
		} else if (m.type === "journey_contacts") m.contact_ids.forEach(touch);
		else if (m.type === "journey_events")
			for (const e of m.events) {
				touch(e.contact_id);
				for (const j of ofWorkspace)
					if (listensTo(j).has(e.name))
						push(j.id, {
							kind: "event",
							key: e.key,
							contactId: e.contact_id,
							name: e.name,
							properties: e.properties,
							occurredAt: e.occurred_at,
						});
			}
	}
	await segmentChanges(env, [...journeys.values()], touched, now, push);

	const calls: Promise<unknown>[] = [];
	for (const [journeyId, list] of inputs)
		for (const [shard, part] of byShard(list, (i) => i.contactId))
			calls.push(env.JOURNEY.getByName(shardName(journeyId, shard)).receive(journeyId, part));
	// Every shard has its go before a failure sends the batch back (each applies a redelivered part once).
	const failed = (await Promise.allSettled(calls)).find((r) => r.status === "rejected");
	if (failed) throw failed.reason;
}

/** Whether each touched contact is in each followed segment now (one read per segment for the batch). */
async function segmentChanges(
	env: Env,
	journeys: Running[],
	touched: Map<string, Set<string>>,
	now: number,
	push: (journeyId: string, input: ShardInput) => void,
) {
	const db = createDb(env.DB);
	for (const [workspaceId, contacts] of touched) {
		const following = journeys.filter((j) => j.workspaceId === workspaceId && segmentsOf(j).size > 0);
		const segmentIds = [...new Set(following.flatMap((j) => [...segmentsOf(j)]))];
		if (segmentIds.length === 0) continue;
		const ids = [...contacts];
		const segments = await findSegmentRows(db, workspaceId, segmentIds);
		for (const segment of segments) {
			const members = await contactsMatching(db, workspaceId, ids, segment.definition, now);
			const batch = newId("seg", now);
			for (const j of following)
				if (segmentsOf(j).has(segment.id))
					for (const contactId of ids)
						push(j.id, {
							kind: "segment",
							key: `${batch}:${segment.id}:${contactId}`,
							contactId,
							segmentId: segment.id,
							member: members.has(contactId),
						});
		}
	}
}
