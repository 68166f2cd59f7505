import type { Principal } from "../context";
import type { SegmentDefinition } from "../contracts/segments";
import { createDb } from "../db/client";
import { countAudience, countContacts } from "../db/contacts";
import { findSegmentRow } from "../db/segments";
import { compileCount } from "../domain/segments/count";
import { notFound } from "../errors";
import { assertWithinLimit } from "./rate-limit";

/** Audience counts are live counts (a scan of the workspace's contacts); each member or key gets this many a minute. */
export const AUDIENCE_COUNT_LIMIT = { max: 60, windowMs: 60_000 };

/** Counts one audience count of the caller (both audience routes share the budget); 429 past the limit. */
export const assertAudienceCountAllowed = (d1: D1Database, principal: Principal) =>
	assertWithinLimit(d1, principal, "audience-count", AUDIENCE_COUNT_LIMIT, "audience counts");

const SUBSCRIBED: SegmentDefinition = { all: [{ attribute: "status", op: "eq", value: "subscribed" }] };

/**
 * The audience a send to this segment (every subscribed contact when null) would have now, before any campaign
 * exists: `total` contacts it reaches, of which `sendable` would be mailed (the send's own count, so addresses
 * on the suppression list, and contacts who opted out of the campaign's topic, are left out).
 */
export async function audienceSize(
	d1: D1Database,
	workspaceId: string,
	segmentId: string | null,
	topicId: string | null = null,
) {
	const db = createDb(d1);
	let definition: SegmentDefinition | null = null;
	if (segmentId) {
		const segment = await findSegmentRow(db, workspaceId, segmentId);
		if (!segment) throw notFound("Segment");
		definition = segment.definition as SegmentDefinition;
	}
	const now = Date.now();
	const [total, sendable] = await Promise.all([
		countContacts(db, workspaceId, compileCount(definition ?? SUBSCRIBED, { workspaceId, now })),
		countAudience(db, workspaceId, definition, now, topicId),
	]);
	return { total, sendable };
}
