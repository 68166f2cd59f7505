import type { SegmentDefinition, SegmentRule } from "../../contracts/segments";
import { type CompileContext, type CompiledSegment, compileSegment, eventMembers, type SegmentQuery } from "./compile";

/*
 * How a segment is counted. A segment that is one event rule which zero events do not satisfy ("purchase at least
 * once in 30 days") is exactly the contacts of that rule's set, read from an index alone (the rollups or the events
 * index): no contact row is read. Any other segment scans the workspace's contacts once, an event rule being an
 * uncorrelated `IN` set built once per query. Starting from the set and looking each member up by primary key
 * (tried) costs more than the scan once the set holds a few thousand contacts, and a scan's cost is predictable.
 */

/**
 * `members`: the segment's contacts as distinct contact ids (column `id`) when one event rule is the whole segment,
 * else null; `rest`: what every contact of the workspace is tested against (nothing when `members` is set). Same
 * parameters in total as `compileSegment`, so the same budget holds.
 */
export type CountPlan = { members: SegmentQuery | null; rest: CompiledSegment };

/** The rules joined by AND at the top of the tree (nested `all` groups flattened). */
const conjuncts = (node: SegmentRule): SegmentRule[] => ("all" in node ? node.all.flatMap(conjuncts) : [node]);

export function compileCount(definition: SegmentDefinition, ctx: CompileContext): CountPlan {
	const whole = compileSegment(definition, ctx); // also refuses a definition over the parameter budget
	const [only, ...others] = conjuncts(definition);
	const members = only && others.length === 0 && "event" in only ? eventMembers(only, ctx) : null;
	return members ? { members, rest: compileSegment({ all: [] }, ctx) } : { members: null, rest: whole };
}

/** The count as one statement: `SELECT count(*) AS count ...` over the workspace's contacts (`c`). */
export function countQuery(definition: SegmentDefinition, ctx: CompileContext): SegmentQuery {
	const { members, rest } = compileCount(definition, ctx);
	if (members) return { sql: `SELECT count(*) AS count FROM (${members.sql})`, params: members.params };
	return {
		sql: `SELECT count(*) AS count FROM contacts c WHERE c.workspace_id = ? AND (${rest.where})`,
		params: [ctx.workspaceId, ...rest.params],
	};
}
