import type { Principal } from "../context";
import type { SegmentDefinition } from "../contracts/segments";
import { createDb } from "../db/client";
import { segmentSample } from "../db/contacts";
import {
	deleteSegmentRow,
	findSegmentRow,
	insertSegment,
	type SegmentRow,
	segmentPage,
	storeCount,
	updateSegmentRow,
} from "../db/segments";
import { newId } from "../domain/ids";
import { compileSegment } from "../domain/segments/compile";
import { validateSegmentDefinition } from "../domain/segments/validate";
import { ApiError, notFound } from "../errors";
import { presentContacts } from "./contacts-present";
import { assertListsOfWorkspace } from "./lists";
import { pageOf, startAfter } from "./pagination";
import { assertWithinLimit } from "./rate-limit";
import { countNow, countSegment, isStale } from "./segment-counts";

export { countSegment };

/** Previews are live counts (a scan of the workspace's contacts); each member or key gets this many a minute. */
export const PREVIEW_LIMIT = { max: 30, windowMs: 60_000 };

/** Validates a rule tree; the issues name the exact place in the tree (e.g. `all.1.op`). */
export function parseDefinition(input: unknown): SegmentDefinition {
	const result = validateSegmentDefinition(input);
	if (!result.ok) {
		const issues = result.issues.map((i) => ({
			path: i.path ? `definition.${i.path}` : "definition",
			message: i.message,
		}));
		throw new ApiError("validation_failed", `Invalid segment: ${issues[0]?.path}: ${issues[0]?.message}`, issues);
	}
	return result.definition;
}

/** Counts one preview of the caller; 429 with `retry-after` past PREVIEW_LIMIT. */
export async function assertPreviewAllowed(d1: D1Database, principal: Principal) {
	await assertWithinLimit(d1, principal, "segment-preview", PREVIEW_LIMIT, "previews");
}

export async function previewSegment(
	d1: D1Database,
	workspaceId: string,
	definition: SegmentDefinition,
	sampleSize = 10,
) {
	const db = createDb(d1);
	const compiled = compileSegment(definition, { workspaceId, now: Date.now() });
	const [count, sample] = await Promise.all([
		countSegment(d1, workspaceId, definition),
		segmentSample(db, workspaceId, compiled, sampleSize),
	]);
	return {
		count,
		sample: await presentContacts(db, sample),
		...(count === 0 ? await ruleCounts(d1, workspaceId, definition) : {}),
	};
}

/** Explaining an empty `all`: each of its (2 to 8) rules counted alone. */
async function ruleCounts(d1: D1Database, workspaceId: string, definition: SegmentDefinition) {
	if (!("all" in definition) || definition.all.length < 2 || definition.all.length > 8) return {};
	const counts = await Promise.all(definition.all.map((rule) => countSegment(d1, workspaceId, { all: [rule] })));
	return { rule_counts: counts.map((n, i) => ({ path: `all.${i}`, count: n })) };
}

async function findSegment(d1: D1Database, workspaceId: string, id: string) {
	const row = await findSegmentRow(createDb(d1), workspaceId, id);
	if (!row) throw notFound("Segment");
	return row;
}

/** The compiled filter of a saved segment, for composing with other contact filters. */
export async function segmentFilter(d1: D1Database, workspaceId: string, id: string) {
	const row = await findSegment(d1, workspaceId, id);
	return compileSegment(row.definition as SegmentDefinition, { workspaceId, now: Date.now() });
}

/** The stored count (never counted: 0 with `count_updated_at` null) and when it was taken. */
function present(row: SegmentRow) {
	return {
		id: row.id,
		name: row.name,
		definition: row.definition as SegmentDefinition,
		count: row.cachedCount ?? 0,
		count_updated_at: row.countedAt ? row.countedAt.toISOString() : null,
		created_at: row.createdAt.toISOString(),
		updated_at: row.updatedAt.toISOString(),
	};
}

/** Whether any of these counts should be refreshed in the background. */
export const needsRecount = (segments: { count_updated_at: string | null }[], now = Date.now()) =>
	segments.some((s) => isStale(s.count_updated_at ? new Date(s.count_updated_at) : null, now));

/** A segment with its stored count; one never counted (e.g. saved before counts were stored) is counted now. */
export async function getSegment(d1: D1Database, workspaceId: string, id: string) {
	const row = await findSegment(d1, workspaceId, id);
	if (row.countedAt === null || row.cachedCount === null) {
		const counted = await countNow(d1, workspaceId, row.definition as SegmentDefinition);
		await storeCount(createDb(d1), row, counted);
		return present({ ...row, cachedCount: counted.count, countedAt: counted.at });
	}
	return present(row);
}

export async function listSegments(d1: D1Database, workspaceId: string, page: { limit: number; cursor?: string }) {
	const rows = await segmentPage(createDb(d1), workspaceId, startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, present);
}

export async function createSegment(d1: D1Database, actor: Principal, input: { name: string; definition: unknown }) {
	const definition = parseDefinition(input.definition);
	await assertListsOfWorkspace(createDb(d1), actor.workspaceId, definition);
	const counted = await countNow(d1, actor.workspaceId, definition);
	const id = newId("seg");
	await insertSegment(createDb(d1), {
		id,
		workspaceId: actor.workspaceId,
		name: input.name,
		definition,
		at: new Date(),
		counted,
	});
	return getSegment(d1, actor.workspaceId, id);
}

export async function updateSegment(
	d1: D1Database,
	actor: Principal,
	id: string,
	input: { name?: string; definition?: unknown },
) {
	const row = await findSegment(d1, actor.workspaceId, id);
	const definition = input.definition === undefined ? undefined : parseDefinition(input.definition);
	if (definition) await assertListsOfWorkspace(createDb(d1), actor.workspaceId, definition);
	await updateSegmentRow(createDb(d1), actor.workspaceId, id, {
		name: input.name ?? row.name,
		at: new Date(),
		definition: definition && { value: definition, counted: await countNow(d1, actor.workspaceId, definition) },
	});
	return getSegment(d1, actor.workspaceId, id);
}

export async function deleteSegment(d1: D1Database, actor: Principal, id: string) {
	await findSegment(d1, actor.workspaceId, id);
	await deleteSegmentRow(createDb(d1), actor.workspaceId, id);
}
