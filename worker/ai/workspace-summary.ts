import { env } from "cloudflare:workers";
import type { Principal } from "../context";
import type { WorkspaceSummary } from "../contracts/assistant";
import { createDb } from "../db/client";
import { topicsOfWorkspace } from "../db/topics";
import { readWorkspaceSummary } from "../db/workspace-summary";
import { providerStatus } from "../services/provider-key";

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
export async function describeWorkspaceForAssistant(d1: D1Database, principal: Principal): Promise<WorkspaceSummary> {
	const [read, provider, topics] = await Promise.all([
		readWorkspaceSummary(createDb(d1), principal.workspaceId, {
			contactSample: SAMPLE_CONTACTS,
			eventSample: SAMPLE_EVENTS,
		}),
		providerStatus({ ...env, DB: d1 }, principal.workspaceId),
		topicsOfWorkspace(createDb(d1), principal.workspaceId),
	]);
	const iso = (at: Date | null) => (at ? at.toISOString() : null);
	return {
		workspace: {
			name: read.workspace?.name ?? "",
			default_from_email: read.workspace?.defaultFromEmail || null,
			your_role: principal.role,
		},
		contacts: { total: read.totals?.total ?? 0, subscribed: read.totals?.subscribed ?? 0 },
		attributes: summarizeAttributes(read.attributes),
		tags: read.tags,
		recent_event_names: read.events.map((e) => e.name),
		segments: read.segments,
		templates: read.templates,
		sending: { connected: provider.connected, source: provider.source },
		topics: topics.map((t) => ({ id: t.id, name: t.name })),
		recent_campaigns: read.campaigns.map((c) => ({
			id: c.id,
			name: c.name,
			status: c.status,
			created_at: iso(c.createdAt),
			started_at: iso(c.startedAt),
			completed_at: iso(c.completedAt),
		})),
	};
}
