import type { JourneyDefinition, JourneyNode } from "../../../../../worker/contracts/journeys";

/*
 * The builder's graph edits, as pure functions over the API's definition: each returns a new definition and
 * leaves the one given untouched (the undo history keeps the old ones). An edge is where an arrow starts: a node's
 * field (`next`, `on_timeout`, `paths.0.next`, `arms.1.next`, `else`) or the journey's `start`.
 */

export type Definition = JourneyDefinition;
export type Node = JourneyNode;
export type NodeType = Node["type"];
export type Edge = { from: string | null; field: string };
export type Exit = { field: string; label: string; to: string };

/** Where a node leads, with a label a person reads ("Event happened", "Otherwise", "Arm b (50%)"). */
export function exitsOf(node: Node): Exit[] {
	switch (node.type) {
		case "exit":
			return [];
		case "wait_event":
			return [
				{ field: "on_event", label: `${node.event || "Event"} happened`, to: node.on_event },
				{ field: "on_timeout", label: "Timed out", to: node.on_timeout },
			];
		case "branch":
			return [
				...node.paths.map((p, i) => ({ field: `paths.${i}.next`, label: `Path ${i + 1}`, to: p.next })),
				{ field: "else", label: "Otherwise", to: node.else },
			];
		case "split": {
			const total = node.arms.reduce((sum, arm) => sum + arm.weight, 0) || 1;
			return node.arms.map((arm, i) => ({
				field: `arms.${i}.next`,
				label: `Arm ${arm.id} (${Math.round((arm.weight / total) * 100)}%)`,
				to: arm.next,
			}));
		}
		default:
			return [{ field: "next", label: "Next", to: node.next }];
	}
}

/** The node an edge points at. */
export function targetOf(def: Definition, edge: Edge): string {
	if (edge.from === null) return def.start;
	const node = def.nodes[edge.from];
	return (node && exitsOf(node).find((e) => e.field === edge.field)?.to) ?? "";
}

function setField(node: Node, field: string, to: string): Node {
	const copy = structuredClone(node) as Record<string, unknown>;
	const keys = field.split(".");
	let at: Record<string, unknown> = copy;
	for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
	at[keys[keys.length - 1] as string] = to;
	return copy as Node;
}

/** The definition with one edge pointing elsewhere. */
export function retarget(def: Definition, edge: Edge, to: string): Definition {
	if (edge.from === null) return { ...def, start: to };
	const node = def.nodes[edge.from];
	return node ? { ...def, nodes: { ...def.nodes, [edge.from]: setField(node, edge.field, to) } } : def;
}

/** Every node reachable from the start; the others are dropped. */
export function prune(def: Definition): Definition {
	const seen = new Set<string>();
	const stack = [def.start];
	while (stack.length > 0) {
		const id = stack.pop() as string;
		const node = def.nodes[id];
		if (seen.has(id) || !node) continue;
		seen.add(id);
		stack.push(...exitsOf(node).map((e) => e.to));
	}
	return { ...def, nodes: Object.fromEntries(Object.entries(def.nodes).filter(([id]) => seen.has(id))) };
}

/** A fresh id for a new node of this type: `email_2`, `delay_1`, … */
export function newNodeId(def: Definition, type: NodeType): string {
	const stem = type === "send_email" ? "email" : type === "update_contact" ? "update" : type.replace("_event", "");
	let n = 1;
	while (def.nodes[`${stem}_${n}`]) n++;
	return `${stem}_${n}`;
}

/** A node of a type with sensible defaults, leading to `to` (every exit of a fork too, so its columns start empty). */
export function blankNode(type: NodeType, to: string): Node {
	switch (type) {
		case "send_email":
			return { type, template_id: "", next: to };
		case "delay":
			return { type, duration: "P1D", next: to };
		case "wait_event":
			return { type, event: "", timeout: "P1D", on_event: to, on_timeout: to };
		case "branch":
			return { type, paths: [{ if: { all: [] }, next: to }], else: to };
		case "split":
			return {
				type,
				arms: [
					{ id: "a", weight: 50, next: to },
					{ id: "b", weight: 50, next: to },
				],
			};
		case "webhook":
			return { type, url: "https://", next: to };
		case "update_contact":
			return { type, add_tags: [], next: to };
		case "exit":
			return { type };
	}
}

/** Puts a new step of `type` on an edge; an exit cuts the steps that followed (they are dropped). */
export function insertStep(def: Definition, edge: Edge, type: NodeType): { definition: Definition; id: string } {
	const id = newNodeId(def, type);
	const withNode = { ...def, nodes: { ...def.nodes, [id]: blankNode(type, targetOf(def, edge)) } };
	return { definition: prune(retarget(withNode, edge, id)), id };
}

/** Every edge that points at a node. */
export function edgesInto(def: Definition, id: string): Edge[] {
	const edges: Edge[] = def.start === id ? [{ from: null, field: "start" }] : [];
	for (const [from, node] of Object.entries(def.nodes))
		for (const exit of exitsOf(node)) if (exit.to === id) edges.push({ from, field: exit.field });
	return edges;
}

/** Removes a step and joins what led to it with what followed it (for a fork: where its columns meet, else its first exit). An exit step is kept: every path ends in one. */
export function deleteStep(
	def: Definition,
	id: string,
	joinOf: (def: Definition, id: string) => string | undefined,
): Definition {
	const node = def.nodes[id];
	if (!node || node.type === "exit") return def;
	const exits = exitsOf(node);
	const continuation = (exits.length > 1 ? joinOf(def, id) : undefined) ?? (exits[0]?.to as string);
	let next = def;
	for (const edge of edgesInto(def, id)) next = retarget(next, edge, continuation);
	const { [id]: _removed, ...nodes } = next.nodes;
	return prune({ ...next, nodes });
}

/** Replaces one node's fields (the side panel's edits); its exits stay as they are unless the change sets them. */
export function updateNode(def: Definition, id: string, change: (node: Node) => Node): Definition {
	const node = def.nodes[id];
	return node ? { ...def, nodes: { ...def.nodes, [id]: change(structuredClone(node)) } } : def;
}
