import { type Definition, type Edge, exitsOf, targetOf } from "./graph";

/*
 * The builder draws a journey as a vertical flow: steps one under another, "+" on every arrow, and a fork's exits
 * (wait, branch, split) as side-by-side columns that meet again where their paths join. A path that goes back to a
 * step already drawn (a loop) shows a "go to" card instead of drawing the step twice.
 */

export type FlowItem =
	| { kind: "add"; edge: Edge }
	| { kind: "step"; id: string }
	| { kind: "jump"; to: string }
	| { kind: "columns"; from: string; columns: { field: string; label: string; items: FlowItem[] }[] };

/** Nodes reachable from `from` (itself included), never passing through `avoid`, in breadth-first order. */
function reachableOrder(def: Definition, from: string, avoid: string): string[] {
	const order: string[] = [];
	const seen = new Set<string>([avoid]);
	const queue = [from];
	while (queue.length > 0) {
		const id = queue.shift() as string;
		const node = def.nodes[id];
		if (seen.has(id) || !node) continue;
		seen.add(id);
		order.push(id);
		queue.push(...exitsOf(node).map((e) => e.to));
	}
	return order;
}

/** Where a fork's paths meet again: the nearest step every one of its exits reaches, if any. */
export function joinOf(def: Definition, forkId: string): string | undefined {
	const node = def.nodes[forkId];
	if (!node) return undefined;
	const [first, ...rest] = exitsOf(node).map((e) => reachableOrder(def, e.to, forkId));
	if (!first) return undefined;
	const others = rest.map((order) => new Set(order));
	return first.find((id) => others.every((set) => set.has(id)));
}

function walk(def: Definition, start: Edge, stops: ReadonlySet<string>, placed: Set<string>): FlowItem[] {
	const items: FlowItem[] = [];
	let edge: Edge | null = start;
	let to = targetOf(def, start);
	for (;;) {
		if (edge) items.push({ kind: "add", edge });
		if (stops.has(to)) return items;
		if (placed.has(to) || !def.nodes[to]) {
			items.push({ kind: "jump", to });
			return items;
		}
		items.push({ kind: "step", id: to });
		placed.add(to);
		const node = def.nodes[to];
		const exits = node ? exitsOf(node) : [];
		if (exits.length === 0) return items;
		if (exits.length === 1) {
			edge = { from: to, field: (exits[0] as { field: string }).field };
			to = (exits[0] as { to: string }).to;
			continue;
		}
		const join = joinOf(def, to);
		const inner = new Set(stops);
		if (join) inner.add(join);
		const from = to;
		items.push({
			kind: "columns",
			from,
			columns: exits.map((e) => ({
				field: e.field,
				label: e.label,
				items: walk(def, { from, field: e.field }, inner, placed),
			})),
		});
		if (!join || stops.has(join)) return items;
		edge = null;
		to = join;
	}
}

/** The flow the builder draws, from the start to every exit. */
export function layoutOf(def: Definition): FlowItem[] {
	return walk(def, { from: null, field: "start" }, new Set(), new Set());
}
