import type { Principal } from "../context";
import type { EventInput } from "../contracts/contacts";
import { createDb } from "../db/client";
import { contactsByUserId } from "../db/ingest";
import { contactFromIdentify, eventFromTrack, type TrackTarget } from "../domain/ingest/segment-map";
import { ApiError } from "../errors";
import { upsertContact } from "./contacts-write";
import { recordEvents } from "./events";

type Json = Record<string, unknown>;
export type IngestError = { index: number; message: string };

/** Where contacts created by ingestion say they came from (status history and consent record). */
const SOURCE = "ingest";

/**
 * Stores Segment-spec messages: identifies become contacts (through the contacts write service), tracks
 * become events (through the events service, so journeys see them). Identifies go first, so a batch
 * may introduce someone and report what they did. Each message that cannot be stored is reported by
 * its place; the others are kept.
 */
export async function ingestMessages(
	env: Env,
	write: { actor: Principal; ip: string | null },
	messages: Json[],
): Promise<IngestError[]> {
	const errors: IngestError[] = [];
	const tracks: { index: number; target: TrackTarget; event: Omit<EventInput, "email" | "contact_id"> }[] = [];
	for (const [index, message] of messages.entries()) {
		const type = message.type ?? (message.event !== undefined ? "track" : "identify");
		if (type === "identify") {
			const contact = contactFromIdentify(message);
			if (!contact.ok) errors.push({ index, message: contact.message });
			else
				await upsertContact(env, write, contact.value, SOURCE).catch((error) =>
					errors.push({ index, message: reason(error) }),
				);
		} else if (type === "track") {
			const mapped = eventFromTrack(message);
			if (mapped.ok) tracks.push({ index, ...mapped.value });
			else errors.push({ index, message: mapped.message });
		} else errors.push({ index, message: `${String(type)} messages are not stored (identify and track are)` });
	}
	if (tracks.length > 0) errors.push(...(await recordTracks(env, write.actor.workspaceId, tracks)));
	return errors.sort((a, b) => a.index - b.index);
}

function reason(error: unknown): string {
	if (!(error instanceof ApiError)) throw error;
	const issues = (error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
	return issues.length ? `${error.message} (${issues.join("; ")})` : error.message;
}

async function recordTracks(
	env: Env,
	workspaceId: string,
	tracks: { index: number; target: TrackTarget; event: Omit<EventInput, "email" | "contact_id"> }[],
): Promise<IngestError[]> {
	const userIds = tracks.flatMap((t) => ("userId" in t.target ? [t.target.userId] : []));
	const byUserId = new Map<string, string>();
	if (userIds.length > 0)
		for (const row of await contactsByUserId(createDb(env.DB), workspaceId, [...new Set(userIds)]))
			byUserId.set(row.userId, row.id);
	const errors: IngestError[] = [];
	const items: EventInput[] = [];
	const places: number[] = [];
	for (const track of tracks) {
		const contactId = "userId" in track.target ? byUserId.get(track.target.userId) : undefined;
		if ("userId" in track.target && !contactId) {
			errors.push({
				index: track.index,
				message: `No contact has userId ${track.target.userId}: identify them with an email first`,
			});
			continue;
		}
		items.push({
			...track.event,
			...("email" in track.target ? { email: track.target.email } : { contact_id: contactId }),
		});
		places.push(track.index);
	}
	if (items.length === 0) return errors;
	const result = await recordEvents(env.DB, workspaceId, items, env.EVENTS);
	for (const rejected of result.rejected)
		errors.push({ index: places[rejected.index] ?? -1, message: rejected.reason });
	return errors;
}
