import type { Builder } from "../builder/context";
import { type Node, prune, updateNode } from "../model/graph";

/** Changes one step of the journey through the builder (recorded for undo); steps no longer reached are dropped. */
export function editNode<T extends Node>(builder: Builder, id: string, change: (node: T) => Node): void {
	builder.change(prune(updateNode(builder.definition(), id, (node) => change(node as T))));
}

/** "a, b, c" → ["a", "b", "c"] (blanks dropped). */
export const splitList = (text: string) =>
	text
		.split(",")
		.map((s) => s.trim())
		.filter(Boolean);

/** A copy without the keys whose value is `undefined` or "" (optional fields left empty are not sent). */
export function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as T;
}
