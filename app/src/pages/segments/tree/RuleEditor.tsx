import { For, Match, Show, Switch } from "solid-js";
import {
	ATTRIBUTE_OPS,
	COUNT_OPS,
	type ComparisonOp,
	type CountOp,
	ENGAGEMENTS,
	type Engagement,
	newWhere,
	RULE_TYPES,
	type RuleNode,
	type RuleType,
	type WhereRow,
} from "../model";
import { useEditor } from "./context";
import { IssueList, NotToggle, SmallInput, SmallSelect } from "./controls";
import { AloneHint, CampaignPicker, ListPicker, RuleSuggestions } from "./pickers";

const needsValue = (op: ComparisonOp) => op !== "exists" && op !== "not_exists";
const valueHint = (op: ComparisonOp) =>
	op === "in" ? "a, b, c" : op.startsWith("g") || op.startsWith("l") ? "10 or 2024-01-31" : "value";

export function RuleEditor(props: { node: RuleNode }) {
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
								list={`values-${props.node.id}`}
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
							list="segment-tags"
							value={props.node.tag}
							invalid={bad("tag")}
							onValue={(v) =>
								set((r) => {
									r.tag = v;
								})
							}
						/>
					</Match>
					<Match when={props.node.type === "list"}>
						<ListPicker
							node={props.node}
							invalid={bad("list")}
							onValue={(v) =>
								set((r) => {
									r.listId = v;
								})
							}
						/>
					</Match>
					<Match when={props.node.type === "event"}>
						<SmallInput
							label="Event name"
							placeholder="event, e.g. purchase"
							list="segment-events"
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
						<CampaignPicker
							node={props.node}
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
								list={`properties-${props.node.id}`}
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
			<RuleSuggestions node={props.node} />
			<AloneHint node={props.node} />
			<IssueList issues={issues()} />
		</div>
	);
}
