import { For, Show } from "solid-js";
import type { PropertyRule } from "../../../../../worker/contracts/segments";
import { Button } from "../../../components/Button";

type Op = "eq" | "neq" | "contains" | "exists";
const OPS: { value: Op; label: string }[] = [
	{ value: "eq", label: "is" },
	{ value: "neq", label: "is not" },
	{ value: "contains", label: "contains" },
	{ value: "exists", label: "is set" },
];

const ruleOf = (property: string, op: Op, value: string): PropertyRule =>
	op === "exists" ? { property, op } : op === "contains" ? { property, op, value } : { property, op, value };
const textOf = (rule: PropertyRule) => ("value" in rule ? String(rule.value) : "");
const opOf = (rule: PropertyRule): Op => (OPS.some((o) => o.value === rule.op) ? (rule.op as Op) : "eq");

/** An event's property filter as rows: property, is / is not / contains / is set, value. */
export function WhereRows(props: {
	label: string;
	rules: PropertyRule[] | undefined;
	onChange: (rules: PropertyRule[] | undefined) => void;
	error?: string;
}) {
	const rules = () => props.rules ?? [];
	const put = (i: number, rule: PropertyRule | null) => {
		const next = rules().flatMap((r, j) => (j === i ? (rule ? [rule] : []) : [r]));
		props.onChange(next.length > 0 ? next : undefined);
	};
	return (
		<fieldset class="where-rows">
			<legend>{props.label}</legend>
			<For each={rules()}>
				{(rule, i) => (
					<div class="where-row">
						<input
							class="input input-sm"
							aria-label="Property"
							value={rule.property}
							onChange={(e) => put(i(), ruleOf(e.currentTarget.value.trim(), opOf(rule), textOf(rule)))}
						/>
						<select
							class="input input-sm select"
							aria-label="Comparison"
							onChange={(e) => put(i(), ruleOf(rule.property, e.currentTarget.value as Op, textOf(rule)))}
						>
							<For each={OPS}>
								{(op) => (
									<option value={op.value} selected={op.value === opOf(rule)}>
										{op.label}
									</option>
								)}
							</For>
						</select>
						<Show when={opOf(rule) !== "exists"}>
							<input
								class="input input-sm"
								aria-label="Value"
								value={textOf(rule)}
								onChange={(e) => put(i(), ruleOf(rule.property, opOf(rule), e.currentTarget.value))}
							/>
						</Show>
						<Button size="sm" variant="ghost" aria-label="Remove this condition" onClick={() => put(i(), null)}>
							×
						</Button>
					</div>
				)}
			</For>
			<Show when={props.error}>
				<p class="field-error">{props.error}</p>
			</Show>
			<Button
				size="sm"
				variant="ghost"
				onClick={() => props.onChange([...rules(), { property: "", op: "eq", value: "" }])}
			>
				+ Property condition
			</Button>
		</fieldset>
	);
}
