import { For, Match, Switch } from "solid-js";
import { SelectField } from "../../../components/SelectField";
import { TextField } from "../../../components/TextField";
import { fieldIssue, useBuilder } from "../builder/context";
import type { Node } from "../model/graph";
import { DurationField } from "./DurationField";
import { editNode } from "./node-edit";

type Delay = Extract<Node, { type: "delay" }>;
type Weekday = NonNullable<Delay["weekdays"]>[number];
// The API's WEEKDAYS, kept here so the contract's zod never ships to the browser.
const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
type Mode = "duration" | "local" | "attribute";

const MODES = [
	{ value: "duration", label: "For a while" },
	{ value: "local", label: "Until a time of day (their time zone)" },
	{ value: "attribute", label: "Until a date on the contact" },
];
const DAY_NAMES: Record<Weekday, string> = {
	mon: "Mon",
	tue: "Tue",
	wed: "Wed",
	thu: "Thu",
	fri: "Fri",
	sat: "Sat",
	sun: "Sun",
};

const modeOf = (n: Delay): Mode => (n.until_local ? "local" : n.until_attribute ? "attribute" : "duration");

/** Delay: a duration, a local time of day on chosen weekdays, or a date attribute (± days). */
export function DelayFields(props: { id: string; node: Delay }) {
	const builder = useBuilder();
	const issue = (field: string) => fieldIssue(builder, props.id, field);
	const set = (patch: Partial<Delay>) => editNode<Delay>(builder, props.id, (n) => ({ ...n, ...patch }));
	const switchTo = (mode: Mode) =>
		editNode<Delay>(builder, props.id, (n) => {
			const base = { type: "delay" as const, next: n.next, max_iterations: n.max_iterations };
			if (mode === "local") return { ...base, until_local: "09:00" };
			if (mode === "attribute") return { ...base, until_attribute: "birthday" };
			return { ...base, duration: "P1D" };
		});
	const toggleDay = (day: Weekday, on: boolean) => {
		const days = new Set(props.node.weekdays ?? []);
		if (on) days.add(day);
		else days.delete(day);
		const weekdays = WEEKDAYS.filter((d) => days.has(d));
		set({ weekdays: weekdays.length > 0 ? weekdays : undefined });
	};
	return (
		<>
			<SelectField
				label="Wait"
				name="delay_mode"
				options={MODES}
				value={modeOf(props.node)}
				onChange={(e) => switchTo(e.currentTarget.value as Mode)}
			/>
			<Switch>
				<Match when={modeOf(props.node) === "duration"}>
					<DurationField
						label="How long"
						name="duration"
						value={props.node.duration}
						error={issue("duration")}
						onChange={(duration) => set({ duration })}
					/>
				</Match>
				<Match when={modeOf(props.node) === "local"}>
					<TextField
						label="Until"
						name="until_local"
						type="time"
						value={props.node.until_local ?? ""}
						error={issue("until_local")}
						onChange={(e) => set({ until_local: e.currentTarget.value })}
					/>
					<fieldset class="weekday-picks">
						<legend>On these days (any day when none is ticked)</legend>
						<For each={WEEKDAYS}>
							{(day) => (
								<label class="weekday">
									<input
										type="checkbox"
										checked={props.node.weekdays?.includes(day) ?? false}
										onChange={(e) => toggleDay(day, e.currentTarget.checked)}
									/>
									{DAY_NAMES[day]}
								</label>
							)}
						</For>
					</fieldset>
				</Match>
				<Match when={modeOf(props.node) === "attribute"}>
					<TextField
						label="Date attribute"
						name="until_attribute"
						value={props.node.until_attribute ?? ""}
						error={issue("until_attribute")}
						onChange={(e) => set({ until_attribute: e.currentTarget.value })}
					/>
					<TextField
						label="Days before (−) or after (+)"
						name="offset_days"
						type="number"
						value={props.node.offset_days ?? 0}
						error={issue("offset_days")}
						onChange={(e) => set({ offset_days: Number(e.currentTarget.value) || undefined })}
					/>
				</Match>
			</Switch>
		</>
	);
}
