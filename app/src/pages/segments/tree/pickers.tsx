import { For, Show } from "solid-js";
import { formatNumber } from "../../../lib/format";
import type { ContactStatus } from "../../../lib/types";
import type { RuleNode } from "../model";
import { useEditor } from "./context";

/** The values of the built-in `status` attribute. */
const STATUSES: ContactStatus[] = ["subscribed", "unsubscribed", "bounced", "complained"];

import { SmallSelect } from "./controls";

/** Suggestions for a text box (an input's `list`), from what the workspace holds. */
export function Suggestions(props: { id: string; values: readonly (string | number | boolean)[] }) {
	return (
		<datalist id={props.id}>
			<For each={props.values}>{(v) => <option value={String(v)} />}</For>
		</datalist>
	);
}

/** The datalists the whole tree shares: tags and event names. */
export function SharedSuggestions() {
	const editor = useEditor();
	return (
		<>
			<Suggestions id="segment-tags" values={(editor.fields?.()?.tags ?? []).map((t) => t.tag)} />
			<Suggestions id="segment-events" values={(editor.fields?.()?.events ?? []).map((e) => e.name)} />
		</>
	);
}

/** Known values of the rule's attribute, and property keys of its event. */
export function RuleSuggestions(props: { node: RuleNode }) {
	const editor = useEditor();
	const values = () => {
		const attribute = props.node.attribute.trim();
		if (attribute === "status") return STATUSES;
		return (
			editor
				.fields?.()
				?.attributes.find((a) => a.key === attribute)
				?.values.map((v) => v.value) ?? []
		);
	};
	const properties = () => editor.fields?.()?.events.find((e) => e.name === props.node.event.trim())?.properties ?? [];
	return (
		<>
			<Suggestions id={`values-${props.node.id}`} values={values()} />
			<Suggestions id={`properties-${props.node.id}`} values={properties()} />
		</>
	);
}

type Picked = { invalid: boolean; onValue: (id: string) => void };

/** A select of named things by id; an id the choices lack (a deleted list, an older campaign) stays shown. */
function IdPicker(
	props: Picked & {
		word: string;
		label: string;
		value: string;
		none: string;
		choices: { value: string; label: string }[];
	},
) {
	const options = () => {
		const current = props.value.trim();
		const known = props.choices.some((c) => c.value === current);
		return [
			{ value: "", label: props.none },
			...(current && !known ? [{ value: current, label: current }] : []),
			...props.choices,
		];
	};
	return (
		<>
			<span class="rule-word">{props.word}</span>
			<SmallSelect<string>
				label={props.label}
				value={props.value.trim()}
				options={options()}
				invalid={props.invalid}
				onValue={props.onValue}
			/>
		</>
	);
}

/** One of the workspace's static lists, by name and size. */
export function ListPicker(props: Picked & { node: RuleNode }) {
	const editor = useEditor();
	const lists = () => editor.fields?.()?.lists ?? [];
	return (
		<IdPicker
			{...props}
			word="is on list"
			label="List"
			value={props.node.listId}
			none={lists().length ? "choose a list" : "no lists yet"}
			choices={lists().map((l) => ({ value: l.id, label: `${l.name} (${formatNumber(l.contacts)})` }))}
		/>
	);
}

/** "Any campaign" or one of the campaigns that have started, by name. */
export function CampaignPicker(props: Picked & { node: RuleNode }) {
	const editor = useEditor();
	return (
		<IdPicker
			{...props}
			word="from"
			label="Campaign"
			value={props.node.campaignId}
			none="any campaign"
			choices={(editor.fields?.()?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
		/>
	);
}

/** When the segment matches nobody: this rule's own count, if it alone matches nobody. */
export function AloneHint(props: { node: RuleNode }) {
	const editor = useEditor();
	const alone = () => editor.aloneCount?.(props.node.id);
	return (
		<Show when={alone() !== undefined}>
			<p class="rule-alone small" classList={{ "rule-alone-zero": alone() === 0 }} data-testid="rule-alone">
				{alone() === 0 ? "This rule alone matches nobody." : `Alone, this rule matches ${formatNumber(alone() ?? 0)}.`}
			</p>
		</Show>
	);
}
