import { Match, Switch } from "solid-js";
import { SelectField } from "../../../components/SelectField";
import { TextField } from "../../../components/TextField";
import type { Definition } from "../model/graph";
import { DurationField } from "../panels/DurationField";
import { compact } from "../panels/node-edit";
import { WhereRows } from "../panels/WhereRows";
import { fieldIssue, useBuilder } from "./context";
import { ExitConditions } from "./ExitConditions";

type Entry = Definition["entry"];

const ENTRY_TYPES = [
	{ value: "event", label: "When they do something (an event)" },
	{ value: "segment", label: "When they join a segment" },
	{ value: "date", label: "On a date of theirs (birthday, renewal)" },
	{ value: "api", label: "Only when enrolled through the API" },
];
const REENTRY = [
	{ value: "once", label: "Only once, ever" },
	{ value: "after_exit", label: "Again after they have left it" },
	{ value: "always", label: "Every time (even while in it)" },
];

const fresh = (type: string): Entry =>
	type === "segment"
		? { type: "segment", segment_id: "", include_existing: false }
		: type === "date"
			? { type: "date", attribute: "birthday", at_local: "09:00" }
			: type === "api"
				? { type: "api" }
				: { type: "event", event: "" };

/** How contacts enter, whether they may enter again, what takes them out, and whether the journey is transactional. */
export function EntryPanel(props: { transactional: boolean; onTransactional: (value: boolean) => void }) {
	const builder = useBuilder();
	const def = builder.definition;
	const issue = (field: string) => fieldIssue(builder, "entry", field);
	const setEntry = (entry: Entry) => builder.change({ ...def(), entry: compact(entry) });
	const patch = (change: Partial<Entry>) => setEntry({ ...def().entry, ...change } as Entry);
	const segments = () => [
		{ value: "", label: "Choose a segment…" },
		...(builder.segments() ?? []).map((s) => ({ value: s.id, label: s.name })),
	];
	return (
		<div class="stack" data-testid="entry-panel">
			<h2 class="card-title">Entry and exit</h2>
			<fieldset class="stack" disabled={builder.readOnly()}>
				<SelectField
					label="Contacts enter"
					name="entry_type"
					options={ENTRY_TYPES}
					value={def().entry.type}
					onChange={(e) => setEntry(fresh(e.currentTarget.value))}
				/>
				<Switch>
					<Match when={def().entry.type === "event" && def().entry}>
						{(entry) => (
							<>
								<TextField
									label="Event"
									name="entry_event"
									placeholder="e.g. signed_up"
									value={(entry() as { event: string }).event}
									error={issue("event")}
									onChange={(e) => patch({ event: e.currentTarget.value.trim() })}
								/>
								<WhereRows
									label="Only when its properties match"
									rules={(entry() as { where?: [] }).where}
									error={issue("where")}
									onChange={(where) => patch({ where } as Partial<Entry>)}
								/>
							</>
						)}
					</Match>
					<Match when={def().entry.type === "segment" && (def().entry as Extract<Entry, { type: "segment" }>)}>
						{(entry) => (
							<>
								<SelectField
									label="Segment"
									name="entry_segment"
									options={segments()}
									value={entry().segment_id}
									error={issue("segment_id")}
									onChange={(e) => patch({ segment_id: e.currentTarget.value })}
								/>
								<label class="toggle">
									<input
										type="checkbox"
										checked={entry().include_existing ?? false}
										onChange={(e) => patch({ include_existing: e.currentTarget.checked })}
									/>
									<span>
										<strong>Include the people already in it</strong>
										<span class="muted small">
											{" "}
											They enter when the journey is activated; otherwise only newcomers enter.
										</span>
									</span>
								</label>
							</>
						)}
					</Match>
					<Match when={def().entry.type === "date" && (def().entry as Extract<Entry, { type: "date" }>)}>
						{(entry) => (
							<>
								<TextField
									label="Date attribute"
									name="entry_attribute"
									value={entry().attribute}
									error={issue("attribute")}
									onChange={(e) => patch({ attribute: e.currentTarget.value.trim() })}
								/>
								<TextField
									label="Days before (−) or after (+)"
									name="entry_offset"
									type="number"
									value={entry().offset_days ?? 0}
									error={issue("offset_days")}
									onChange={(e) => patch({ offset_days: Math.round(Number(e.currentTarget.value)) || undefined })}
								/>
								<TextField
									label="At (their local time)"
									name="entry_at"
									type="time"
									value={entry().at_local ?? ""}
									error={issue("at_local")}
									onChange={(e) => patch({ at_local: e.currentTarget.value || undefined })}
								/>
							</>
						)}
					</Match>
					<Match when={def().entry.type === "api"}>
						<p class="muted small">Enroll contacts with POST /api/v1/journeys/:id/enroll.</p>
					</Match>
				</Switch>
				<SelectField
					label="Can a contact enter again?"
					name="reentry_mode"
					options={REENTRY}
					value={def().reentry.mode}
					error={fieldIssue(builder, "reentry", "mode")}
					onChange={(e) =>
						builder.change({ ...def(), reentry: { ...def().reentry, mode: e.currentTarget.value as "once" } })
					}
				/>
				<Switch>
					<Match when={def().reentry.mode !== "once"}>
						<DurationField
							label="Wait at least (optional)"
							name="cooldown"
							value={def().reentry.cooldown}
							error={fieldIssue(builder, "reentry", "cooldown")}
							hint="Between two entries of the same contact"
							onChange={(cooldown) => builder.change({ ...def(), reentry: { ...def().reentry, cooldown } })}
						/>
					</Match>
				</Switch>
				<ExitConditions />
				<label class="toggle">
					<input
						type="checkbox"
						name="transactional"
						checked={props.transactional}
						onChange={(e) => props.onTransactional(e.currentTarget.checked)}
					/>
					<span>
						<strong>Transactional</strong>
						<span class="muted small"> Receipts and the like: not held by the frequency cap or quiet hours.</span>
					</span>
				</label>
			</fieldset>
		</div>
	);
}
