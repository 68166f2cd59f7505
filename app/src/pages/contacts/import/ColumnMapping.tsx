import { For, Show } from "solid-js";
import { describedBy, FieldShell } from "../../../components/Field";
import type { CsvPreview, Target } from "./csv-preview";

const TARGETS: { value: Target; label: string }[] = [
	{ value: "email", label: "Email" },
	{ value: "first_name", label: "First name" },
	{ value: "last_name", label: "Last name" },
	{ value: "tags", label: "Tags (; separated)" },
	{ value: "status", label: "Status" },
	{ value: "timezone", label: "Timezone" },
	{ value: "locale", label: "Locale" },
	{ value: "attribute", label: "Attribute" },
	{ value: "skip", label: "Don't import" },
];

/** One row per column of the file: its header, the first values, and what it becomes (changeable). */
export function ColumnMapping(props: {
	preview: CsvPreview;
	chosen: Target[];
	onChoose: (index: number, target: Target) => void;
	problem?: string;
}) {
	return (
		<div class="stack" data-testid="column-mapping">
			<div>
				<h3 class="sub-title">Columns</h3>
				<p class="muted small">
					What each column of the file becomes, from its header. Change any that are wrong; nothing is imported until
					you start the import.
				</p>
			</div>
			<Show when={props.problem}>
				<p class="field-error" role="alert">
					{props.problem}
				</p>
			</Show>
			<ul class="mapping-list">
				<For each={props.preview.headers}>
					{(header, i) => (
						<li class="mapping-row" classList={{ skipped: props.chosen[i()] === "skip" }}>
							<div class="mapping-source">
								<strong class="cell-clip-text" title={header}>
									{header.trim() || `Column ${i() + 1}`}
								</strong>
								<span class="muted small mapping-sample">
									{props.preview.rows
										.map((r) => r[i()] ?? "")
										.filter((v) => v.trim() !== "")
										.slice(0, 3)
										.join(" · ") || "(empty in the first rows)"}
								</span>
							</div>
							<label class="sr-only" for={`map-${i()}`}>
								{`Column "${header.trim()}" becomes`}
							</label>
							<select
								id={`map-${i()}`}
								class="input select mapping-select"
								value={props.chosen[i()]}
								onChange={(e) => props.onChoose(i(), e.currentTarget.value as Target)}
							>
								<For each={TARGETS}>
									{(t) => (
										<option value={t.value} selected={t.value === props.chosen[i()]}>
											{t.label}
										</option>
									)}
								</For>
							</select>
						</li>
					)}
				</For>
			</ul>
		</div>
	);
}

/** The consent confirmation and the tags given to every imported contact. */
export function ImportSettings(props: {
	consent: boolean;
	onConsent: (value: boolean) => void;
	tags: string;
	onTags: (value: string) => void;
	error?: string;
}) {
	return (
		<div class="stack">
			<label class="toggle">
				<input type="checkbox" checked={props.consent} onChange={(e) => props.onConsent(e.currentTarget.checked)} />
				<span>
					<strong>These people agreed to receive email from us</strong>
					<span class="muted small">
						{" "}
						Recorded as each new contact's consent, with the file name and the time of the upload.
					</span>
				</span>
			</label>
			<FieldShell
				id="import-tags"
				label="Tag everyone in this file"
				hint='Optional. Separate tags with ";".'
				error={props.error}
			>
				<input
					id="import-tags"
					class="input"
					placeholder="webinar; autumn-2026"
					value={props.tags}
					aria-invalid={props.error ? "true" : undefined}
					aria-describedby={describedBy({ id: "import-tags", error: props.error, hint: "x" })}
					onInput={(e) => props.onTags(e.currentTarget.value)}
				/>
			</FieldShell>
		</div>
	);
}
