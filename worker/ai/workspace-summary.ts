import type { Principal } from "../context";

const SAMPLE_CONTACTS = 1000;
const SAMPLE_EVENTS = 2000;
const SAMPLE_VALUES = 5;

type AttributeSample = { name: string; contacts: number; sample_values: (string | number | boolean)[] };

/** Attribute names in use, read from the newest contacts, with a few distinct values each. */
function summarizeAttributes(rows: { key: string; value: unknown }[]): AttributeSample[] {
	const byName = new Map<string, { contacts: number; values: Set<string | number | boolean> }>();
	for (const { key, value } of rows) {
		const entry = byName.get(key) ?? { contacts: 0, values: new Set() };
		entry.contacts++;
		const scalar = typeof value === "string" || typeof value === "number" || typeof value === "boolean";
		if (scalar && entry.values.size < SAMPLE_VALUES) entry.values.add(value);
		byName.set(key, entry);
	}
	return [...byName]
		.sort((a, b) => b[1].contacts - a[1].contacts)
		.slice(0, 40)
		.map(([name, e]) => ({ name, contacts: e.contacts, sample_values: [...e.values] }));
}

/**
 * What the assistant needs to know to work in this workspace, in one read-only call: the vocabulary
 * of its contact data and the ids of what it may refer to. Everything is bounded in size.
 */
export async function describeWorkspaceForAssistant(d1: D1Database, principal: Principal) {
	const id = principal.workspaceId;
	const [workspace, counts, attributes, tags, events, segments, templates, campaigns] = await d1.batch([
		d1.prepare("SELECT name, default_from_email FROM workspaces WHERE id = ?").bind(id),
		d1
			.prepare(
				"SELECT count(*) AS total, sum(status = 'subscribed') AS subscribed FROM contacts WHERE workspace_id = ?",
			)
			.bind(id),
		d1
			.prepare(
				`SELECT j.key AS key, j.value AS value FROM (SELECT attributes FROM contacts WHERE workspace_id = ? ORDER BY id DESC LIMIT ${SAMPLE_CONTACTS}) c, json_each(c.attributes) j`,
			)
			.bind(id),
		d1
			.prepare(
				"SELECT tag, count(*) AS contacts FROM contact_tags WHERE workspace_id = ? GROUP BY tag ORDER BY contacts DESC LIMIT 30",
			)
			.bind(id),
		d1
			.prepare(
				`SELECT name, count(*) AS recent FROM (SELECT name FROM events WHERE workspace_id = ? ORDER BY id DESC LIMIT ${SAMPLE_EVENTS}) GROUP BY name ORDER BY recent DESC LIMIT 20`,
			)
			.bind(id),
		d1.prepare("SELECT id, name FROM segments WHERE workspace_id = ? ORDER BY id DESC LIMIT 30").bind(id),
		d1.prepare("SELECT id, name, subject FROM templates WHERE workspace_id = ? ORDER BY id DESC LIMIT 30").bind(id),
		d1
			.prepare(
				"SELECT id, name, status, created_at, started_at, completed_at FROM campaigns WHERE workspace_id = ? ORDER BY started_at IS NULL, started_at DESC, id DESC LIMIT 10",
			)
			.bind(id),
	]);
	const first = <T>(r: D1Result | undefined) => (r?.results?.[0] ?? {}) as T;
	const rows = <T>(r: D1Result | undefined) => (r?.results ?? []) as T[];
	const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);
	const ws = first<{ name?: string; default_from_email?: string }>(workspace);
	const totals = first<{ total?: number; subscribed?: number | null }>(counts);
	return {
		workspace: { name: ws.name ?? "", default_from_email: ws.default_from_email || null, your_role: principal.role },
		contacts: { total: totals.total ?? 0, subscribed: totals.subscribed ?? 0 },
		attributes: summarizeAttributes(rows<{ key: string; value: unknown }>(attributes)),
		tags: rows<{ tag: string; contacts: number }>(tags),
		recent_event_names: rows<{ name: string; recent: number }>(events).map((e) => e.name),
		segments: rows<{ id: string; name: string }>(segments),
		templates: rows<{ id: string; name: string; subject: string }>(templates),
		recent_campaigns: rows<{
			id: string;
			name: string;
			status: string;
			created_at: number;
			started_at: number | null;
			completed_at: number | null;
		}>(campaigns).map((c) => ({
			id: c.id,
			name: c.name,
			status: c.status,
			created_at: iso(c.created_at),
			started_at: iso(c.started_at),
			completed_at: iso(c.completed_at),
		})),
	};
}
