import { createContext, useContext } from "solid-js";
import type { PinnedIssue } from "../issues";
import type { TreeNode } from "../model";

/** What every part of the tree editor needs: change a node in place, remove it, and its API issues. */
export type TreeEditor = {
	edit: (id: string, change: (node: TreeNode) => void) => void;
	remove: (id: string) => void;
	issuesOf: (id: string) => PinnedIssue[];
	readOnly: () => boolean;
	attributeList: string;
};

export const EditorContext = createContext<TreeEditor>();

export function useEditor(): TreeEditor {
	const editor = useContext(EditorContext);
	if (!editor) throw new Error("rule editor outside <RuleTree>");
	return editor;
}
