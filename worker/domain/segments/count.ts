import type { SegmentDefinition, SegmentRule } from "../../contracts/segments";
import { type CompileContext, type CompiledSegment, compileSegment, eventMembers, type SegmentQuery } from "./compile";

/*
 * How a segment is counted. Scanning every contact of the workspace and testing each against an event rule's set
 * costs a probe per contact; when the segment can only hold contacts with some matching event (an event rule that
 * zero events do not satisfy, at the top level of the rules' AND), the count starts from that set instead and
 * looks each of its contacts up by primary key, testing the other rules on those contacts only.
 */

/**
 * `members`: distinct contact ids (column `id`) that every contact of the segment is among, or null (every contact
 * of the workspace is a candidate); `rest`: the rules a candidate must still satisfy; `membersOnly` when there are
 * none, so the members are the segment (they are the workspace's contacts: event rows belong to the contact's
 * workspace). Same parameters in total as `compileSegment`, so the same budget holds.
 */
export type CountPlan = { members: SegmentQuery | null; rest: CompiledSegment; membersOnly: boolean };

/** The rules joined by AND at the top of the tree (nested `all` groups flattened). */
const conjuncts = (node: SegmentRule): SegmentRule[] => ("all" in node ? node.all.flatMap(conjuncts) : [node]);

export function compileCount(definition: SegmentDefinition, ctx: CompileContext): CountPlan {
	const whole = compileSegment(definition, ctx); // also refuses a definition over the parameter budget
	const rules = conjuncts(definition);
	for (const [i, rule] of rules.entries()) {
		if (!("event" in rule)) continue;
		const members = eventMembers(rule, ctx);
		if (!members) continue;
		const others = rules.filter((_, j) => j !== i);
		return { members, rest: compileSegment({ all: others }, ctx), membersOnly: others.length === 0 };
	}
	return { members: null, rest: whole, membersOnly: false };
}

/** The count as one statement: `SELECT count(*) AS count ...` over the workspace's contacts (`c`). */
export function countQuery(definition: SegmentDefinition, ctx: CompileContext): SegmentQuery {
	const { members, rest, membersOnly } = compileCount(definition, ctx);
	if (members && membersOnly) return { sql: `SELECT count(*) AS count FROM (${members.sql})`, params: members.params };
	const from = members ? `(${members.sql}) m CROSS JOIN contacts c ON c.id = m.id` : "contacts c";
	return {
		sql: `SELECT count(*) AS count FROM ${from} WHERE c.workspace_id = ? AND (${rest.where})`,
		params: [...(members?.params ?? []), ctx.workspaceId, ...rest.params],
	};
}
