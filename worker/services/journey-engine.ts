import type { z } from "@hono/zod-openapi";
import type { EnrollmentsQuerySchema, JourneyEnrollSchema } from "../contracts/journey-engine";
import type { EnrollmentView } from "../contracts/journey-shard";
import type { Db } from "../db/client";
import { countAudience, findContactByEmail, findContactRow } from "../db/contacts";
import { contactJourneyIds, journeyContacts } from "../db/journey-engine";
import { findSegmentRows } from "../db/journey-segments";
import { findJourney } from "../db/journeys";
import { normalizeEmail } from "../domain/contacts/email";
import { JOURNEY_SHARDS, shardName, shardOf } from "../domain/journeys/shards";
import { ApiError, notFound } from "../errors";
import { forgetRunningJourneys } from "./journey-events";
import { encodeCursor, startAfter } from "./pagination";

export { journeyStats } from "./journey-stats";

/*
 * The journey engine seen from the API: lifecycle changes reach every shard, API enrollment, the stats summed over
 * the shards (journey-stats.ts), enrollments listed across them (one shard when the contact is given), and a contact's journeys.
 */

const shard = (env: Env, journeyId: string, n: number) => env.JOURNEY.getByName(shardName(journeyId, n));
const allShards = (env: Env, journeyId: string) =>
	Array.from({ length: JOURNEY_SHARDS }, (_, n) => shard(env, journeyId, n));

async function journeyOf(db: Db, workspaceId: string, id: string) {
	const row = await findJourney(db, workspaceId, id);
	if (!row) throw notFound("Journey");
	return row;
}

/** After activation: a segment entry hands the segment's members to the shards; answers who enters now. */
export async function journeyActivated(env: Env, db: Db, workspaceId: string, journeyId: string) {
	const row = await journeyOf(db, workspaceId, journeyId);
	forgetRunningJourneys(workspaceId);
	const entry = row.definition.entry;
	if (entry.type !== "segment") return {};
	const [segment] = await findSegmentRows(db, workspaceId, [entry.segment_id]);
	const enroll = entry.include_existing === true;
	await shard(env, journeyId, 0).startSeeding(journeyId, { workspaceId, segmentId: entry.segment_id, enroll });
	return enroll && segment ? { entering_now: await countAudience(db, workspaceId, segment.definition) } : {};
}

/** Pause, resume, archive or a new version: every shard re-reads the journey (archive exits everyone in flight). */
export async function journeyChanged(env: Env, journeyId: string) {
	await Promise.all(allShards(env, journeyId).map((s) => s.refresh(journeyId)));
}

const REFUSALS: Record<string, string> = {
	already_entered: "already_entered: the contact has been in this journey and it lets each contact in once",
	in_journey: "in_journey: the contact is in this journey now and may enter again only after leaving it",
	cooldown: "cooldown: the contact entered too recently to enter again (the journey's re-entry cooldown)",
	not_subscribed: "not_subscribed: the contact does not receive email (unsubscribed, bounced or complained)",
	not_active: "not_active: the journey is not active",
};

export async function enrollThroughApi(
	env: Env,
	db: Db,
	workspaceId: string,
	journeyId: string,
	body: z.output<typeof JourneyEnrollSchema>,
) {
	const row = await journeyOf(db, workspaceId, journeyId);
	if (row.status !== "active")
		throw new ApiError("conflict", `The journey is ${row.status}; only an active journey takes entries`);
	const email = body.email === undefined ? null : normalizeEmail(body.email);
	const contact = body.contact_id
		? await findContactRow(db, workspaceId, body.contact_id)
		: email?.ok
			? await findContactByEmail(db, workspaceId, email.email)
			: undefined;
	if (!contact) throw notFound("Contact");
	const [result] = await shard(env, journeyId, shardOf(contact.id)).enroll(journeyId, [
		{ contactId: contact.id, properties: body.properties ?? {} },
	]);
	if (!result) throw new Error("the shard answered nothing");
	if (result.ok) return { enrollment_id: result.enrollmentId };
	if (result.reason === "unknown_contact") throw notFound("Contact");
	throw new ApiError("conflict", REFUSALS[result.reason] ?? result.reason);
}

async function withEmails(db: Db, workspaceId: string, views: EnrollmentView[]) {
	const ids = [...new Set(views.map((v) => v.contact_id))];
	const emails = new Map(ids.length ? (await journeyContacts(db, workspaceId, ids)).map((c) => [c.id, c.email]) : []);
	return views.map((v) => ({ ...v, email: emails.get(v.contact_id) ?? null }));
}

/** Enrollments oldest first across the shards (only the contact's shard when one is given). */
export async function listEnrollments(
	env: Env,
	db: Db,
	workspaceId: string,
	journeyId: string,
	query: z.output<typeof EnrollmentsQuerySchema>,
) {
	await journeyOf(db, workspaceId, journeyId);
	const afterId = startAfter(query, "asc");
	const filter = { afterId, limit: query.limit + 1, contactId: query.contact_id, status: query.status };
	const shards = query.contact_id ? [shard(env, journeyId, shardOf(query.contact_id))] : allShards(env, journeyId);
	const merged = (await Promise.all(shards.map((s) => s.enrollments(filter)))).flat();
	merged.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const shown = merged.slice(0, query.limit);
	const last = shown.at(-1);
	return {
		data: await withEmails(db, workspaceId, shown),
		next_cursor: merged.length > query.limit && last ? encodeCursor(last.id) : null,
	};
}

/** A contact's journeys (from the D1 index), each with the contact's enrollments in it (path taken, exit reason). */
export async function contactJourneys(env: Env, db: Db, workspaceId: string, contactId: string) {
	if (!(await findContactRow(db, workspaceId, contactId))) throw notFound("Contact");
	const journeys = await contactJourneyIds(db, workspaceId, contactId, 50);
	const filter = { contactId, afterId: "", limit: 20 };
	const lists = await Promise.all(journeys.map((j) => shard(env, j.journeyId, shardOf(contactId)).enrollments(filter)));
	return Promise.all(
		journeys.map(async (j, i) => ({
			journey_id: j.journeyId,
			journey_name: j.name,
			enrollments: await withEmails(db, workspaceId, lists[i] ?? []),
		})),
	);
}
