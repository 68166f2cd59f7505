import { For, type JSX, Show } from "solid-js";
import type { PinnedIssue } from "../issues";
import type { GroupNode, RuleNode } from "../model";
import { useEditor } from "./context";

/** A checkbox that negates a rule or a group. */
export function NotToggle(props: { node: GroupNode | RuleNode; label: string }) {
	const editor = useEditor();
	return (
		<label class="not-toggle" classList={{ on: props.node.negated }} title="Match contacts that do NOT match this">
			<input
				type="checkbox"
				checked={props.node.negated}
				aria-label={props.label}
				onChange={(e) => {
					const negated = e.currentTarget.checked;
					editor.edit(props.node.id, (n) => {
						if (n.kind !== "raw") n.negated = negated;
					});
				}}
			/>
			NOT
		</label>
	);
}

/** The API's issues pinned to one node of the tree. */
export function IssueList(props: { issues: PinnedIssue[] }) {
	return (
		<Show when={props.issues.length > 0}>
			<ul class="rule-issues" data-field-error>
				<For each={props.issues}>
					{(issue) => (
						<li>
							<Show when={issue.field}>
								<code class="mono">{issue.field}</code>:{" "}
							</Show>
							{issue.message}
						</li>
					)}
				</For>
			</ul>
		</Show>
	);
}

type InputProps = {
	label: string;
	value: string;
	onValue: (value: string) => void;
	invalid?: boolean;
	placeholder?: string;
	list?: string;
	class?: string;
	inputMode?: JSX.HTMLAttributes<HTMLInputElement>["inputMode"];
};

export function SmallInput(props: InputProps) {
	return (
		<input
			class={`input input-sm ${props.class ?? ""}`}
			aria-label={props.label}
			aria-invalid={props.invalid ? "true" : undefined}
			placeholder={props.placeholder}
			list={props.list}
			inputMode={props.inputMode}
			value={props.value}
			onInput={(e) => props.onValue(e.currentTarget.value)}
		/>
	);
}

export function SmallSelect<T extends string>(props: {
	label: string;
	value: T;
	options: readonly { value: T; label: string }[];
	onValue: (value: T) => void;
	invalid?: boolean;
}) {
	return (
		<select
			class="input input-sm select"
			aria-label={props.label}
			aria-invalid={props.invalid ? "true" : undefined}
			onChange={(e) => {
				const chosen = props.options.find((o) => o.value === e.currentTarget.value);
				if (chosen) props.onValue(chosen.value);
			}}
		>
			<For each={props.options}>
				{(o) => (
					<option value={o.value} selected={o.value === props.value}>
						{o.label}
					</option>
				)}
			</For>
		</select>
	);
}
