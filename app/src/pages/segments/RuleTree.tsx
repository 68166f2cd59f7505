import { createContext, For, type JSX, Match, Show, Switch, useContext } from "solid-js";
import {
	ATTRIBUTE_OPS,
	COUNT_OPS,
	type ComparisonOp,
	type CountOp,
	ENGAGEMENTS,
	type Engagement,
	type GroupNode,
	newGroup,
	newRule,
	newWhere,
	type PinnedIssue,
	type RawNode,
	RULE_TYPES,
	type RuleNode,
	type RuleType,
	type TreeNode,
	type WhereRow,
} from "./model";

/** What every part of the tree editor needs: change a node in place, remove it, and its API issues. */
export type TreeEditor = {
	edit: (id: string, change: (node: TreeNode) => void) => void;
	remove: (id: string) => void;
	issuesOf: (id: string) => PinnedIssue[];
	readOnly: () => boolean;
	attributeList: string;
};

const EditorContext = createContext<TreeEditor>();

function useEditor(): TreeEditor {
	const editor = useContext(EditorContext);
	if (!editor) throw new Error("rule editor outside <RuleTree>");
	return editor;
}

/** The visual rule-tree editor: nested all/any groups of attribute, tag, event and engagement rules. */
export function RuleTree(props: { root: GroupNode; editor: TreeEditor }) {
	return (
		<EditorContext.Provider value={props.editor}>
			<GroupEditor node={props.root} depth={0} />
		</EditorContext.Provider>
	);
}

const MATCH_OPTIONS = [
	{ value: "all", label: "all" },
	{ value: "any", label: "any" },
];

function NotToggle(props: { node: GroupNode | RuleNode; label: string }) {
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

function IssueList(props: { issues: PinnedIssue[] }) {
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

function GroupEditor(props: { node: GroupNode; depth: number }) {
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

function SmallInput(props: InputProps) {
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

function SmallSelect<T extends string>(props: {
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

const needsValue = (op: ComparisonOp) => op !== "exists" && op !== "not_exists";
const valueHint = (op: ComparisonOp) =>
	op === "in" ? "a, b, c" : op.startsWith("g") || op.startsWith("l") ? "10 or 2024-01-31" : "value";

function RuleEditor(props: { node: RuleNode }) {
	const editor = useEditor();
	const issues = () => editor.issuesOf(props.node.id);
	const bad = (field: string) => issues().some((i) => i.field === field || i.field.startsWith(`${field}.`));
	const set = (change: (rule: RuleNode) => void) =>
		editor.edit(props.node.id, (n) => {
			if (n.kind === "rule") change(n);
		});
	const setWhere = (id: string, change: (row: WhereRow) => void) =>
		set((rule) => {
			const row = rule.where.find((w) => w.id === id);
			if (row) change(row);
		});

	return (
		<div
			class="rule-row"
			classList={{ negated: props.node.negated, invalid: issues().length > 0 }}
			data-node={props.node.id}
		>
			<div class="rule-controls">
				<NotToggle node={props.node} label="Negate this rule" />
				<SmallSelect<RuleType>
					label="Rule type"
					value={props.node.type}
					options={RULE_TYPES}
					onValue={(type) =>
						set((r) => {
							r.type = type;
						})
					}
				/>
				<Switch>
					<Match when={props.node.type === "attribute"}>
						<SmallInput
							label="Attribute"
							placeholder="attribute, e.g. city"
							list={editor.attributeList}
							value={props.node.attribute}
							invalid={bad("attribute")}
							onValue={(v) =>
								set((r) => {
									r.attribute = v;
								})
							}
						/>
						<SmallSelect<ComparisonOp>
							label="Operator"
							value={props.node.op}
							options={ATTRIBUTE_OPS}
							invalid={bad("op")}
							onValue={(op) =>
								set((r) => {
									r.op = op;
								})
							}
						/>
						<Show when={needsValue(props.node.op)}>
							<SmallInput
								label="Value"
								placeholder={valueHint(props.node.op)}
								value={props.node.value}
								invalid={bad("value")}
								onValue={(v) =>
									set((r) => {
										r.value = v;
									})
								}
							/>
						</Show>
					</Match>
					<Match when={props.node.type === "tag"}>
						<span class="rule-word">has tag</span>
						<SmallInput
							label="Tag"
							placeholder="vip"
							value={props.node.tag}
							invalid={bad("tag")}
							onValue={(v) =>
								set((r) => {
									r.tag = v;
								})
							}
						/>
					</Match>
					<Match when={props.node.type === "event"}>
						<SmallInput
							label="Event name"
							placeholder="event, e.g. purchase"
							value={props.node.event}
							invalid={bad("event")}
							onValue={(v) =>
								set((r) => {
									r.event = v;
								})
							}
						/>
						<SmallSelect<CountOp>
							label="Count operator"
							value={props.node.countOp}
							options={COUNT_OPS}
							invalid={bad("count.op")}
							onValue={(op) =>
								set((r) => {
									r.countOp = op;
								})
							}
						/>
						<SmallInput
							label="Count"
							class="input-num"
							inputMode="numeric"
							value={props.node.countValue}
							invalid={bad("count.value") || bad("count")}
							onValue={(v) =>
								set((r) => {
									r.countValue = v;
								})
							}
						/>
						<span class="rule-word">times in the last</span>
						<SmallInput
							label="Within days"
							class="input-num"
							inputMode="numeric"
							placeholder="any"
							value={props.node.withinDays}
							invalid={bad("within_days")}
							onValue={(v) =>
								set((r) => {
									r.withinDays = v;
								})
							}
						/>
						<span class="rule-word">days</span>
					</Match>
					<Match when={props.node.type === "engagement"}>
						<SmallSelect<Engagement>
							label="Engagement"
							value={props.node.engagement}
							options={ENGAGEMENTS}
							invalid={bad("engagement")}
							onValue={(e) =>
								set((r) => {
									r.engagement = e;
								})
							}
						/>
						<SmallInput
							label="Campaign ID"
							placeholder="any campaign"
							value={props.node.campaignId}
							invalid={bad("campaign_id")}
							onValue={(v) =>
								set((r) => {
									r.campaignId = v;
								})
							}
						/>
						<span class="rule-word">in the last</span>
						<SmallInput
							label="Within days"
							class="input-num"
							inputMode="numeric"
							placeholder="any"
							value={props.node.withinDays}
							invalid={bad("within_days")}
							onValue={(v) =>
								set((r) => {
									r.withinDays = v;
								})
							}
						/>
						<span class="rule-word">days</span>
					</Match>
				</Switch>
				<Show when={!editor.readOnly()}>
					<button
						type="button"
						class="btn btn-ghost btn-sm text-danger push-right"
						aria-label="Remove rule"
						onClick={() => editor.remove(props.node.id)}
					>
						Remove
					</button>
				</Show>
			</div>
			<Show when={props.node.type === "event"}>
				<For each={props.node.where}>
					{(row, i) => (
						<div class="rule-controls where-row">
							<span class="rule-word">{i() === 0 ? "where" : "and"}</span>
							<SmallInput
								label="Property"
								placeholder="property, e.g. total"
								value={row.property}
								invalid={bad(`where.${i()}.property`)}
								onValue={(v) =>
									setWhere(row.id, (w) => {
										w.property = v;
									})
								}
							/>
							<SmallSelect<ComparisonOp>
								label="Property operator"
								value={row.op}
								options={ATTRIBUTE_OPS}
								invalid={bad(`where.${i()}.op`)}
								onValue={(op) =>
									setWhere(row.id, (w) => {
										w.op = op;
									})
								}
							/>
							<Show when={needsValue(row.op)}>
								<SmallInput
									label="Property value"
									placeholder={valueHint(row.op)}
									value={row.value}
									invalid={bad(`where.${i()}.value`)}
									onValue={(v) =>
										setWhere(row.id, (w) => {
											w.value = v;
										})
									}
								/>
							</Show>
							<Show when={!editor.readOnly()}>
								<button
									type="button"
									class="btn btn-ghost btn-sm"
									aria-label="Remove property filter"
									onClick={() => set((r) => r.where.splice(i(), 1))}
								>
									×
								</button>
							</Show>
						</div>
					)}
				</For>
				<Show when={!editor.readOnly() && props.node.where.length < 20}>
					<div class="where-add">
						<button type="button" class="btn btn-ghost btn-sm" onClick={() => set((r) => r.where.push(newWhere()))}>
							+ Property filter
						</button>
					</div>
				</Show>
			</Show>
			<IssueList issues={issues()} />
		</div>
	);
}
