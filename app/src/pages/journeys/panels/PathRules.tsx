import { createEffect, createResource, on, untrack } from "solid-js";
import { getSegmentFields } from "../../../lib/api";
import { fromDefinition } from "../../segments/definition";
import { BUILTIN_ATTRIBUTES } from "../../segments/model";
import { RuleTree, type TreeEditor } from "../../segments/RuleTree";
import { Suggestions } from "../../segments/tree/pickers";
import { createRuleTree } from "../../segments/tree/store";
import { useBuilder } from "../builder/context";

// One read of the pickers' values per builder visit, shared by every branch path.
let fieldsCache: ReturnType<typeof getSegmentFields> | undefined;

/** A branch path's condition, edited with the segment builder's rule tree (evaluated on the contact at that step). */
export function PathRules(props: { rule: unknown; onChange: (rule: unknown) => void }) {
	const builder = useBuilder();
	const [fields] = createResource(() => {
		fieldsCache ??= getSegmentFields().catch((e) => {
			fieldsCache = undefined;
			throw e;
		});
		return fieldsCache;
	});
	const tree = createRuleTree(fromDefinition(untrack(() => props.rule)));
	const json = () => JSON.stringify(tree.built().definition);
	// The tree's edits go into the journey; an undo (the journey changed under it) resets the tree.
	createEffect(
		on(json, (now) => now !== JSON.stringify(props.rule) && props.onChange(JSON.parse(now)), { defer: true }),
	);
	createEffect(
		on(
			() => props.rule,
			(rule) => JSON.stringify(rule) !== untrack(json) && tree.replace(fromDefinition(rule)),
			{ defer: true },
		),
	);
	const editor: TreeEditor = {
		edit: tree.edit,
		remove: tree.remove,
		readOnly: builder.readOnly,
		issuesOf: () => [],
		attributeList: "journey-attributes",
		fields: () => fields.latest,
	};
	return (
		<div class="journey-rules">
			<Suggestions
				id="journey-attributes"
				values={[...new Set([...BUILTIN_ATTRIBUTES, ...(fields.latest?.attributes ?? []).map((a) => a.key)])]}
			/>
			<RuleTree root={tree.root()} editor={editor} />
		</div>
	);
}
