import { For, Match, Show, Switch } from "solid-js";
import { type GroupNode, newGroup, newRule, type RawNode, type TreeNode } from "../model";
import { useEditor } from "./context";
import { IssueList, NotToggle } from "./controls";
import { RuleEditor } from "./RuleEditor";

const MATCH_OPTIONS = [
	{ value: "all", label: "all" },
	{ value: "any", label: "any" },
];

/** An all/any group: its rules and nested groups, joined by "and"/"or", with buttons to add more. */
export function GroupEditor(props: { node: GroupNode; depth: number }) {
	const editor = useEditor();
	const isRoot = () => props.depth === 0;
	const add = (child: TreeNode) =>
		editor.edit(props.node.id, (n) => {
			if (n.kind === "group") n.children.push(child);
		});
	return (
		<fieldset
			class="rule-group"
			classList={{ "rule-group-root": isRoot(), negated: props.node.negated }}
			data-node={props.node.id}
		>
			<legend class="sr-only">{isRoot() ? "Segment rules" : "Group of rules"}</legend>
			<div class="group-head">
				<NotToggle node={props.node} label={isRoot() ? "Negate the whole segment" : "Negate this group"} />
				<span>Contacts matching</span>
				<select
					class="input input-sm select"
					aria-label={isRoot() ? "Match" : "Group match"}
					value={props.node.match}
					onChange={(e) => {
						const match = e.currentTarget.value === "any" ? "any" : "all";
						editor.edit(props.node.id, (n) => {
							if (n.kind === "group") n.match = match;
						});
					}}
				>
					<For each={MATCH_OPTIONS}>
						{(o) => (
							<option value={o.value} selected={o.value === props.node.match}>
								{o.label}
							</option>
						)}
					</For>
				</select>
				<span>of these rules</span>
				<Show when={!isRoot() && !editor.readOnly()}>
					<button
						type="button"
						class="btn btn-ghost btn-sm text-danger push-right"
						onClick={() => editor.remove(props.node.id)}
					>
						Remove group
					</button>
				</Show>
			</div>
			<IssueList issues={editor.issuesOf(props.node.id)} />
			<Show
				when={props.node.children.length > 0}
				fallback={
					<p class="muted small group-empty">
						{isRoot() ? "No rules yet: the segment holds every contact." : "An empty group matches everyone."}
					</p>
				}
			>
				<ol class="group-children">
					<For each={props.node.children}>
						{(child, i) => (
							<li>
								<Show when={i() > 0}>
									<span class="connector">{props.node.match === "all" ? "and" : "or"}</span>
								</Show>
								<Switch>
									<Match when={child.kind === "group" && child}>
										{(g) => <GroupEditor node={g()} depth={props.depth + 1} />}
									</Match>
									<Match when={child.kind === "rule" && child}>{(r) => <RuleEditor node={r()} />}</Match>
									<Match when={child.kind === "raw" && child}>{(r) => <RawRule node={r()} />}</Match>
								</Switch>
							</li>
						)}
					</For>
				</ol>
			</Show>
			<Show when={!editor.readOnly()}>
				<div class="group-actions">
					<button type="button" class="btn btn-secondary btn-sm" onClick={() => add(newRule())}>
						+ Add rule
					</button>
					<button
						type="button"
						class="btn btn-ghost btn-sm"
						onClick={() => add(newGroup(props.node.match === "all" ? "any" : "all", [newRule()]))}
					>
						+ Add group
					</button>
				</div>
			</Show>
		</fieldset>
	);
}

/** A rule the visual editor cannot show: kept as JSON, editable in the JSON view. */
function RawRule(props: { node: RawNode }) {
	const editor = useEditor();
	return (
		<div class="rule-row rule-raw" data-node={props.node.id}>
			<div class="rule-controls">
				<code class="mono small">{JSON.stringify(props.node.json)}</code>
				<span class="muted small">Edit this rule in the JSON view.</span>
				<Show when={!editor.readOnly()}>
					<button
						type="button"
						class="btn btn-ghost btn-sm text-danger push-right"
						onClick={() => editor.remove(props.node.id)}
					>
						Remove
					</button>
				</Show>
			</div>
			<IssueList issues={editor.issuesOf(props.node.id)} />
		</div>
	);
}
