import type { GroupNode } from "./model";
import { EditorContext, type TreeEditor } from "./tree/context";
import { GroupEditor } from "./tree/GroupEditor";
import { SharedSuggestions } from "./tree/pickers";

export type { TreeEditor };

/** The visual rule-tree editor: nested all/any groups of attribute, tag, event and engagement rules. */
export function RuleTree(props: { root: GroupNode; editor: TreeEditor }) {
	return (
		<EditorContext.Provider value={props.editor}>
			<SharedSuggestions />
			<GroupEditor node={props.root} depth={0} />
		</EditorContext.Provider>
	);
}
