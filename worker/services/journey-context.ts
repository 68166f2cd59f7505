import type { JourneyDefinition } from "../contracts/journeys";
import type { SegmentRule } from "../contracts/segments";
import { createDb } from "../db/client";
import { tagsOfContacts } from "../db/contacts";
import { contactsMatching, journeyContacts } from "../db/journey-engine";
import type { ExecContext, JourneyContact } from "../domain/journeys/enrollment";

/*
 * What a shard reads before stepping a batch of enrollments, all in a few D1 reads for the whole batch: the
 * contacts (status, time zone, attributes, tags), each branch rule of the journey evaluated for just these contacts
 * (the segment compiler's SQL), and the workspace's send limits (time zone, quiet hours, frequency cap).
 * The executor then runs without I/O.
 */

export type SendLimits = {
	workspaceTimezone: string;
	quietHours: { start: string; end: string } | null;
	capAllows(contactId: string): (at: number) => true | number;
};

export type LimitsReader = (env: Env, workspaceId: string, contactIds: string[], now: number) => Promise<SendLimits>;

const NO_LIMITS: SendLimits = { workspaceTimezone: "UTC", quietHours: null, capAllows: () => () => true };
export const noLimits: LimitsReader = async () => NO_LIMITS;

export type Engagement = (
	contactId: string,
	enrollmentId: string,
	nodeId: string,
	kind: "opened" | "clicked",
) => boolean;
export type EngagementReader = (env: Env, workspaceId: string, keys: string[]) => Promise<Engagement>;
export const noEngagement: EngagementReader = async () => () => false;

/** Branch rules of these definitions (rule trees, not engagement checks), by their JSON text. */
function branchRules(definitions: JourneyDefinition[]): Map<string, SegmentRule> {
	const rules = new Map<string, SegmentRule>();
	for (const definition of definitions)
		for (const node of Object.values(definition.nodes))
			if (node.type === "branch")
				for (const path of node.paths)
					if (!("node" in path.if && "engagement" in path.if)) rules.set(JSON.stringify(path.if), path.if);
	return rules;
}

export type BatchContexts = {
	contacts: Map<string, JourneyContact & { email: string }>;
	context(contactId: string, enrollmentId: string): ExecContext | null;
};

export async function loadContexts(
	env: Env,
	input: {
		workspaceId: string;
		contactIds: string[];
		definitions: JourneyDefinition[];
		transactional: boolean;
		now: number;
		limits?: LimitsReader;
		engagement?: EngagementReader;
	},
): Promise<BatchContexts> {
	const db = createDb(env.DB);
	const ids = [...new Set(input.contactIds)];
	const rules = branchRules(input.definitions);
	const [rows, tags, matches, limits, engaged] = await Promise.all([
		ids.length ? journeyContacts(db, input.workspaceId, ids) : [],
		tagsOfContacts(db, ids),
		Promise.all(
			[...rules].map(async ([key, rule]) => {
				const set = await contactsMatching(db, input.workspaceId, ids, { all: [rule] }, input.now);
				return [key, set] as const;
			}),
		),
		(input.limits ?? noLimits)(env, input.workspaceId, ids, input.now),
		(input.engagement ?? noEngagement)(env, input.workspaceId, ids),
	]);
	const matched = new Map(matches);
	const contacts = new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				email: r.email,
				status: r.status,
				timezone: r.timezone,
				attributes: (r.attributes ?? {}) as Record<string, unknown>,
				tags: tags.get(r.id) ?? [],
			},
		]),
	);
	return {
		contacts,
		context(contactId, enrollmentId) {
			const contact = contacts.get(contactId);
			if (!contact) return null;
			return {
				now: input.now,
				contact,
				workspaceTimezone: limits.workspaceTimezone,
				transactional: input.transactional,
				quietHours: limits.quietHours,
				capAllows: limits.capAllows(contactId),
				evaluateRule: (rule) => matched.get(JSON.stringify(rule))?.has(contactId) ?? false,
				engaged: (nodeId, kind) => engaged(contactId, enrollmentId, nodeId, kind),
			};
		},
	};
}
