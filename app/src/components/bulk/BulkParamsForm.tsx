import { createSignal, Show } from "solid-js";
import { Button } from "../Button";
import { TextField } from "../TextField";
import { type BulkActionDef, type ListChoice, listParams, parseTags } from "./bulk-logic";
import { ListPicker } from "./ListPicker";

/** The `params` a bulk call carries: tags, or the list to add to (or take off). */
export type BulkParams = { tags: string[] } | NonNullable<ReturnType<typeof listParams>>;

type Props = {
	def: BulkActionDef;
	/** The list picked first (the one the page is filtered by, for taking contacts off). */
	listId: string;
	/** How many items it applies to, as the bar says it. */
	countText: string;
	busy: boolean;
	onApply: (params: BulkParams) => void;
	/** What is missing before the action can run. */
	onInvalid: (message: string) => void;
	onCancel: () => void;
};

/** Asks what an action needs before it runs: tags (tag, untag), or a static list (picked, or named new). */
export function BulkParamsForm(props: Props) {
	const [tags, setTags] = createSignal("");
	const [list, setList] = createSignal<ListChoice>({ listId: props.listId, name: "" });
	const submit = (event: Event) => {
		event.preventDefault();
		if (props.def.list) {
			const params = listParams(list());
			if (!params)
				return props.onInvalid(props.def.list === "new" ? "Choose a list or name a new one" : "Choose a list");
			return props.onApply(params);
		}
		const parsed = parseTags(tags());
		if (parsed.length === 0) return props.onInvalid("Name at least one tag");
		props.onApply({ tags: parsed });
	};
	return (
		<form class="bulk-tags" onSubmit={submit}>
			<Show
				when={props.def.list}
				fallback={
					<TextField
						name="bulk-tags"
						label="Tags, separated by commas"
						value={tags()}
						autofocus
						onInput={(e) => setTags(e.currentTarget.value)}
					/>
				}
			>
				<ListPicker choice={list()} onChange={setList} allowNew={props.def.list === "new"} />
			</Show>
			<Button type="submit" size="sm" variant="primary" loading={props.busy}>
				Apply to {props.countText}
			</Button>
			<Button size="sm" variant="ghost" onClick={() => props.onCancel()}>
				Cancel
			</Button>
		</form>
	);
}
