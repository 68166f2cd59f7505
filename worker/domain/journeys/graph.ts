import { type JourneyDefinition, type JourneyNode, MAX_NODES } from "../../contracts/journeys";
import { durationProblem } from "./duration";
import { webhookUrlProblem } from "./webhook-url";

/*
 * A journey's graph checked as a whole before it may run: every target exists, every step is reachable from the
 * start, every path ends in an exit, every loop passes through a delay and carries `max_iterations`, durations and
 * webhook URLs are usable. Each problem names the node and the field (`nodes.welcome.next`).
 */

export type JourneyIssue = { path: string; message: string };

/** The nodes a node leads to, with the field naming each edge. */
export function edgesOf(node: JourneyNode): { field: string; to: string }[] {
	switch (node.type) {
		case "exit":
			return [];
		case "wait_event":
			return [
				{ field: "on_event", to: node.on_event },
				{ field: "on_timeout", to: node.on_timeout },
			];
		case "branch":
			return [
				...node.paths.map((p, i) => ({ field: `paths.${i}.next`, to: p.next })),
				{ field: "else", to: node.else },
			];
		case "split":
			return node.arms.map((arm, i) => ({ field: `arms.${i}.next`, to: arm.next }));
		default:
			return [{ field: "next", to: node.next }];
	}
}

function reachable(from: string[], neighbours: (id: string) => string[]): Set<string> {
	const seen = new Set<string>();
	const stack = [...from];
	while (stack.length > 0) {
		const id = stack.pop() as string;
		if (seen.has(id)) continue;
		seen.add(id);
		stack.push(...neighbours(id));
	}
	return seen;
}

/** Strongly connected components that are loops (more than one node, or a node leading to itself). Tarjan's. */
function loops(ids: string[], next: (id: string) => string[]): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (id: string) => {
		index.set(id, counter);
		low.set(id, counter++);
		stack.push(id);
		onStack.add(id);
		for (const to of next(id)) {
			if (!index.has(to)) {
				visit(to);
				low.set(id, Math.min(low.get(id) ?? 0, low.get(to) ?? 0));
			} else if (onStack.has(to)) low.set(id, Math.min(low.get(id) ?? 0, index.get(to) ?? 0));
		}
		if (low.get(id) !== index.get(id)) return;
		const component: string[] = [];
		let member: string | undefined;
		do {
			member = stack.pop();
			if (member === undefined) break;
			onStack.delete(member);
			component.push(member);
		} while (member !== id);
		if (component.length > 1 || next(id).includes(id)) found.push(component.reverse());
	};
	for (const id of ids) if (!index.has(id)) visit(id);
	return found;
}

function nodeProblems(
	id: string,
	node: JourneyNode,
	nodes: JourneyDefinition["nodes"],
	local: boolean,
): JourneyIssue[] {
	const at = (field: string, message: string) => ({ path: `nodes.${id}${field ? `.${field}` : ""}`, message });
	const issues: JourneyIssue[] = [];
	const duration = (field: string, text: string) => {
		const problem = durationProblem(text);
		if (problem) issues.push(at(field, problem));
	};
	if (node.type === "delay") {
		const kinds = [node.duration, node.until_local, node.until_attribute].filter((v) => v !== undefined).length;
		if (kinds !== 1) issues.push(at("", "A delay waits for exactly one of: duration, until_local, until_attribute"));
		if (node.duration !== undefined) duration("duration", node.duration);
		if (node.weekdays && node.until_local === undefined) issues.push(at("weekdays", "weekdays go with until_local"));
		if (node.offset_days !== undefined && node.until_attribute === undefined)
			issues.push(at("offset_days", "offset_days goes with until_attribute"));
	}
	if (node.type === "wait_event") duration("timeout", node.timeout);
	if (node.type === "webhook") {
		const problem = webhookUrlProblem(node.url, { local });
		if (problem) issues.push(at("url", problem));
	}
	if (node.type === "split") {
		const ids = node.arms.map((a) => a.id);
		ids.forEach((armId, i) => {
			if (ids.indexOf(armId) !== i) issues.push(at(`arms.${i}.id`, `Arm id "${armId}" is used twice`));
		});
	}
	if (node.type === "branch") {
		node.paths.forEach((p, i) => {
			if (!("engagement" in p.if) || !("node" in p.if)) return;
			if (nodes[p.if.node]?.type !== "send_email")
				issues.push(at(`paths.${i}.if.node`, `"${p.if.node}" is not an email step of this journey`));
		});
	}
	for (const edge of edgesOf(node)) {
		if (!nodes[edge.to]) issues.push(at(edge.field, `No step "${edge.to}" in this journey`));
	}
	return issues;
}

const bounded = (node: JourneyNode | undefined) =>
	node !== undefined && "max_iterations" in node && node.max_iterations !== undefined;

/** Every problem of the graph (empty when it may be activated). `local`: plain-http webhooks to this machine. */
export function validateJourneyGraph(definition: JourneyDefinition, options: { local: boolean }): JourneyIssue[] {
	const { nodes } = definition;
	const ids = Object.keys(nodes);
	if (ids.length > MAX_NODES) return [{ path: "nodes", message: `A journey has at most ${MAX_NODES} steps` }];
	const issues = ids.flatMap((id) => nodeProblems(id, nodes[id] as JourneyNode, nodes, options.local));
	if (definition.reentry.cooldown !== undefined) {
		const problem = durationProblem(definition.reentry.cooldown);
		if (problem) issues.push({ path: "reentry.cooldown", message: problem });
	}
	if (!nodes[definition.start]) {
		issues.push({ path: "start", message: `No step "${definition.start}" in this journey` });
		return issues;
	}
	const next = (id: string) => {
		const node = nodes[id];
		return node
			? edgesOf(node)
					.map((e) => e.to)
					.filter((to) => nodes[to])
			: [];
	};
	const fromStart = reachable([definition.start], next);
	for (const id of ids) {
		if (!fromStart.has(id)) issues.push({ path: `nodes.${id}`, message: "No path from the start reaches this step" });
	}
	const previous = new Map<string, string[]>();
	for (const id of ids) for (const to of next(id)) previous.set(to, [...(previous.get(to) ?? []), id]);
	const exits = ids.filter((id) => nodes[id]?.type === "exit");
	const endsSomewhere = reachable(exits, (id) => previous.get(id) ?? []);
	for (const id of ids) {
		if (fromStart.has(id) && !endsSomewhere.has(id))
			issues.push({ path: `nodes.${id}`, message: "Every path must end in an exit step; none does from here" });
	}
	for (const loop of loops(ids, next)) {
		const path = `nodes.${loop[0]}`;
		const shown = [...loop, loop[0]].join(" → ");
		if (!loop.some((id) => nodes[id]?.type === "delay"))
			issues.push({ path, message: `The loop ${shown} must pass through a delay` });
		if (!loop.some((id) => bounded(nodes[id])))
			issues.push({ path, message: `The loop ${shown} must set max_iterations on one of its steps` });
	}
	return issues;
}

/** The templates and segments a journey names (checked against the workspace before activation). */
export function journeyReferences(definition: JourneyDefinition) {
	const templateIds = new Set<string>();
	const segmentIds = new Set<string>();
	if (definition.entry.type === "segment") segmentIds.add(definition.entry.segment_id);
	for (const exit of definition.exit ?? []) if (exit.type === "segment_leave") segmentIds.add(exit.segment_id);
	for (const node of Object.values(definition.nodes)) if (node.type === "send_email") templateIds.add(node.template_id);
	return { templateIds: [...templateIds], segmentIds: [...segmentIds] };
}
