import type { PathIndex } from "./definition";

/** An API issue pinned to the node it concerns, with the rest of its path (e.g. "op", "where.0.value"). */
export type PinnedIssue = { nodeId: string; field: string; message: string };

/**
 * Maps issues like `definition.all.1.op` to the deepest node whose path is a prefix.
 * Issues the tree cannot place are pinned to the root.
 */
export function pinIssues(
	issues: { path: string; message: string }[],
	index: PathIndex,
	rootId: string,
): PinnedIssue[] {
	return issues.flatMap((issue) => {
		if (issue.path !== "definition" && !issue.path.startsWith("definition.")) return [];
		const path = issue.path.slice("definition".length + 1);
		let best: { id: string; path: string } = { id: rootId, path: "" };
		for (const [id, nodePath] of index) {
			const inside = nodePath === "" || path === nodePath || path.startsWith(`${nodePath}.`);
			if (inside && nodePath.length >= best.path.length) best = { id, path: nodePath };
		}
		const field = best.path === "" ? path : path.slice(best.path.length + 1);
		return [{ nodeId: best.id, field, message: issue.message }];
	});
}
