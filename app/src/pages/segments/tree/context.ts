import type { InferResponseType } from "hono/client";
import { createContext, useContext } from "solid-js";
import type { api } from "../../../lib/api";
import type { PinnedIssue } from "../issues";
import type { TreeNode } from "../model";

export type SegmentFields = InferResponseType<typeof api.segments.fields.$get, 200>;

/** What every part of the tree editor needs: change a node in place, remove it, and its API issues. */
export type TreeEditor = {
	edit: (id: string, change: (node: TreeNode) => void) => void;
	remove: (id: string) => void;
	issuesOf: (id: string) => PinnedIssue[];
	readOnly: () => boolean;
	attributeList: string;
	/** What the pickers offer (attributes and their values, tags, events and their properties, campaigns). */
	fields?: () => SegmentFields | undefined;
	/** How many contacts a top-level rule matches alone, when the whole segment matches nobody. */
	aloneCount?: (id: string) => number | undefined;
};

export const EditorContext = createContext<TreeEditor>();

export function useEditor(): TreeEditor {
	const editor = useContext(EditorContext);
	if (!editor) throw new Error("rule editor outside <RuleTree>");
	return editor;
}
