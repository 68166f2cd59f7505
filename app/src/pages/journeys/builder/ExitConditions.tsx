import { For } from "solid-js";
import { Button } from "../../../components/Button";
import { SelectField } from "../../../components/SelectField";
import type { Definition } from "../model/graph";
import { fieldIssue, useBuilder } from "./context";

type Exit = NonNullable<Definition["exit"]>[number];

/** Goals and exit conditions: an event (a goal such as `purchase`, counted as conversion) or leaving a segment. */
export function ExitConditions() {
	const builder = useBuilder();
	const exits = () => builder.definition().exit ?? [];
	const put = (list: Exit[]) => builder.change({ ...builder.definition(), exit: list.length > 0 ? list : undefined });
	const setAt = (i: number, exit: Exit) => put(exits().map((e, j) => (j === i ? exit : e)));
	const segments = () => [
		{ value: "", label: "Choose a segment…" },
		...(builder.segments() ?? []).map((s) => ({ value: s.id, label: s.name })),
	];
	return (
		<fieldset class="stack exit-conditions">
			<legend>Goal and exit conditions</legend>
			<p class="muted small">Contacts leave as soon as one holds. An unsubscribe always takes them out.</p>
			<For each={exits()}>
				{(exit, i) => (
					<div class="exit-row">
						<SelectField
							label="Leave when"
							name={`exit_${i()}_type`}
							options={[
								{ value: "event", label: "They do (goal event)" },
								{ value: "segment_leave", label: "They leave a segment" },
							]}
							value={exit.type}
							onChange={(e) =>
								setAt(
									i(),
									e.currentTarget.value === "event"
										? { type: "event", event: "" }
										: { type: "segment_leave", segment_id: "" },
								)
							}
						/>
						{exit.type === "event" ? (
							<label class="field">
								<span>Event</span>
								<input
									class="input"
									name={`exit_${i()}_event`}
									value={exit.event}
									placeholder="e.g. purchase"
									onChange={(e) => setAt(i(), { type: "event", event: e.currentTarget.value.trim() })}
								/>
							</label>
						) : (
							<SelectField
								label="Segment"
								name={`exit_${i()}_segment`}
								options={segments()}
								value={exit.segment_id}
								onChange={(e) => setAt(i(), { type: "segment_leave", segment_id: e.currentTarget.value })}
							/>
						)}
						<p class="field-error">{fieldIssue(builder, "exit", String(i()))}</p>
						<Button size="sm" variant="ghost" onClick={() => put(exits().filter((_, j) => j !== i()))}>
							Remove
						</Button>
					</div>
				)}
			</For>
			<div>
				<Button size="sm" onClick={() => put([...exits(), { type: "event", event: "purchase" }])}>
					+ Goal or exit condition
				</Button>
			</div>
		</fieldset>
	);
}
