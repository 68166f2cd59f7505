import type { JourneyDefinition } from "../contracts/journeys";
import type { SegmentRule } from "../contracts/segments";
import { createDb } from "../db/client";
import { tagsOfContacts } from "../db/contacts";
import { contactsMatching, journeyContacts } from "../db/journey-engine";
import type { ExecContext, JourneyContact } from "../domain/journeys/enrollment";
import { engagedFrom, journeyEngagement } from "./journey-sends";
import { sendLimitsFor } from "./send-limits";

/*
 * What a shard reads before stepping a batch of enrollments, all in a few D1 reads for the whole batch: the
 * contacts (status, time zone, attributes, tags), each branch rule of the journey evaluated for just these contacts
 * (the segment compiler's SQL), and the workspace's send limits (time zone, quiet hours, frequency cap).
 * The executor then runs without I/O.
 */

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

const hasEngagementBranch = (definitions: JourneyDefinition[]) =>
	definitions.some((d) =>
		Object.values(d.nodes).some(
			(n) => n.type === "branch" && n.paths.some((p) => "engagement" in p.if && "node" in p.if),
		),
	);

export type BatchContexts = {
	contacts: Map<string, JourneyContact & { email: string }>;
	context(contactId: string, enrollmentId: string): ExecContext | null;
};

export async function loadContexts(
	env: Env,
	input: {
		workspaceId: string;
		journeyId: string;
		contactIds: string[];
		/** Enrollments that may reach a branch on engagement (their journey emails' opens and clicks are read). */
		enrollmentIds: string[];
		definitions: JourneyDefinition[];
		transactional: boolean;
		now: number;
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
		sendLimitsFor(env, input.workspaceId, ids, input.now),
		hasEngagementBranch(input.definitions)
			? journeyEngagement(env, input.workspaceId, input.journeyId, input.enrollmentIds)
			: new Map(),
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
				engaged: engagedFrom(engaged, enrollmentId),
			};
		},
	};
}
