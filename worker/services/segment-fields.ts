import type { SegmentFields } from "../contracts/segment-fields";
import { createDb } from "../db/client";
import { FIELD_SAMPLES, readSegmentFields } from "../db/segment-fields";

/** The builder's pickers: attributes with their common values, tags, event names with property keys, campaigns, lists. */
export async function segmentFields(d1: D1Database, workspaceId: string): Promise<SegmentFields> {
	const read = await readSegmentFields(createDb(d1), workspaceId);
	const attributes = new Map<string, SegmentFields["attributes"][number]["values"]>();
	for (const row of read.attributes) {
		const values = attributes.get(row.key) ?? [];
		if (values.length < FIELD_SAMPLES.valuesPerAttribute) values.push({ value: typed(row), contacts: row.contacts });
		attributes.set(row.key, values);
	}
	const events = new Map<string, string[]>();
	for (const row of read.events) {
		const keys = events.get(row.name) ?? [];
		if (row.property) keys.push(row.property);
		events.set(row.name, keys);
	}
	return {
		attributes: [...attributes]
			.map(([key, values]) => ({ key, values }))
			.sort((a, b) => sumOf(b.values) - sumOf(a.values))
			.slice(0, FIELD_SAMPLES.attributes),
		tags: read.tags,
		events: [...events].map(([name, properties]) => ({ name, properties })),
		campaigns: read.campaigns,
		lists: read.lists,
	};
}

const sumOf = (values: { contacts: number }[]) => values.reduce((sum, v) => sum + v.contacts, 0);

/** JSON booleans come out of json_each as 1 and 0 with their type beside them. */
const typed = (row: { value: string | number; type: string }) =>
	row.type === "true" ? true : row.type === "false" ? false : row.value;
