import { createMemo } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { toDefinition } from "../definition";
import { findNode, type GroupNode, type TreeNode } from "../model";

/**
 * The builder's rule tree as a Solid store: edit or remove a node by id, replace the whole tree (the JSON view),
 * and `built()`, the API definition it stands for (with where each node went, to pin the API's issues).
 */
export function createRuleTree(initial: GroupNode, onChange: () => void = () => {}) {
	const [tree, setTree] = createStore<{ root: GroupNode }>({ root: initial });
	const built = createMemo(() => toDefinition(tree.root));
	return {
		root: () => tree.root,
		built,
		edit(id: string, change: (node: TreeNode) => void) {
			onChange();
			setTree(
				produce((state) => {
					const found = findNode(state.root, id);
					if (found) change(found.node);
				}),
			);
		},
		/** Removes a rule or a group (never the root). */
		remove(id: string) {
			onChange();
			setTree(
				produce((state) => {
					const found = findNode(state.root, id);
					if (!found?.parent) return;
					const at = found.parent.children.findIndex((c) => c.id === id);
					if (at >= 0) found.parent.children.splice(at, 1);
				}),
			);
		},
		replace(root: GroupNode) {
			setTree("root", reconcile(root));
		},
	};
}
