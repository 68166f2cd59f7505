import type { Principal } from "../context";
import type { SegmentDefinition } from "../contracts/segments";
import { newId } from "../domain/ids";
import { compileSegment } from "../domain/segments/compile";
import { validateSegmentDefinition } from "../domain/segments/validate";
import { ApiError, notFound } from "../errors";
import { type ContactRecord, presentContact, tagsOf } from "./contacts-present";
import { pageOf, startAfter } from "./pagination";

type SegmentRow = { id: string; name: string; definition: string; created_at: number; updated_at: number };

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

export async function countSegment(d1: D1Database, workspaceId: string, definition: SegmentDefinition) {
	const { where, params } = compileSegment(definition, { workspaceId, now: Date.now() });
	const row = await d1
		.prepare(`SELECT count(*) AS n FROM contacts c WHERE c.workspace_id = ? AND (${where})`)
		.bind(workspaceId, ...params)
		.first<{ n: number }>();
	return row?.n ?? 0;
}

export async function previewSegment(
	d1: D1Database,
	workspaceId: string,
	definition: SegmentDefinition,
	sampleSize = 10,
) {
	const { where, params } = compileSegment(definition, { workspaceId, now: Date.now() });
	const [count, sample] = await Promise.all([
		countSegment(d1, workspaceId, definition),
		d1
			.prepare(`SELECT c.* FROM contacts c WHERE c.workspace_id = ? AND (${where}) ORDER BY c.id DESC LIMIT ?`)
			.bind(workspaceId, ...params, sampleSize)
			.all<ContactRecord>(),
	]);
	const tags = await tagsOf(
		d1,
		sample.results.map((r) => r.id),
	);
	return { count, sample: sample.results.map((r) => presentContact(r, tags.get(r.id) ?? [])) };
}

async function findSegment(d1: D1Database, workspaceId: string, id: string) {
	const row = await d1
		.prepare("SELECT id, name, definition, created_at, updated_at FROM segments WHERE id = ? AND workspace_id = ?")
		.bind(id, workspaceId)
		.first<SegmentRow>();
	if (!row) throw notFound("Segment");
	return row;
}

/** The compiled filter of a saved segment, for composing with other contact filters. */
export async function segmentFilter(d1: D1Database, workspaceId: string, id: string) {
	const row = await findSegment(d1, workspaceId, id);
	return compileSegment(JSON.parse(row.definition), { workspaceId, now: Date.now() });
}

async function present(d1: D1Database, workspaceId: string, row: SegmentRow) {
	const definition = JSON.parse(row.definition) as SegmentDefinition;
	return {
		id: row.id,
		name: row.name,
		definition,
		count: await countSegment(d1, workspaceId, definition),
		created_at: new Date(row.created_at).toISOString(),
		updated_at: new Date(row.updated_at).toISOString(),
	};
}

export async function getSegment(d1: D1Database, workspaceId: string, id: string) {
	return present(d1, workspaceId, await findSegment(d1, workspaceId, id));
}

export async function listSegments(d1: D1Database, workspaceId: string, page: { limit: number; cursor?: string }) {
	const { results } = await d1
		.prepare(
			"SELECT id, name, definition, created_at, updated_at FROM segments WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?",
		)
		.bind(workspaceId, startAfter(page, "desc"), page.limit + 1)
		.all<SegmentRow>();
	const rows = pageOf(results, page, (r) => r);
	return { ...rows, data: await Promise.all(rows.data.map((r) => present(d1, workspaceId, r))) };
}

export async function createSegment(d1: D1Database, actor: Principal, input: { name: string; definition: unknown }) {
	const definition = parseDefinition(input.definition);
	const id = newId("seg");
	const now = Date.now();
	await d1
		.prepare(
			"INSERT INTO segments (id, workspace_id, name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
		)
		.bind(id, actor.workspaceId, input.name, JSON.stringify(definition), now, now)
		.run();
	return getSegment(d1, actor.workspaceId, id);
}

export async function updateSegment(
	d1: D1Database,
	actor: Principal,
	id: string,
	input: { name?: string; definition?: unknown },
) {
	const row = await findSegment(d1, actor.workspaceId, id);
	const definition =
		input.definition === undefined ? row.definition : JSON.stringify(parseDefinition(input.definition));
	await d1
		.prepare("UPDATE segments SET name = ?, definition = ?, updated_at = ? WHERE id = ?")
		.bind(input.name ?? row.name, definition, Date.now(), id)
		.run();
	return getSegment(d1, actor.workspaceId, id);
}

export async function deleteSegment(d1: D1Database, actor: Principal, id: string) {
	await findSegment(d1, actor.workspaceId, id);
	await d1.prepare("DELETE FROM segments WHERE id = ? AND workspace_id = ?").bind(id, actor.workspaceId).run();
}
