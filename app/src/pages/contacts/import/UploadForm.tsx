import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { describedBy, FieldShell } from "../../../components/Field";
import { FormAlert } from "../../../components/FormAlert";
import { uploadCsvWithSettings } from "../../../lib/api";
import { createSubmission } from "../../../lib/form";
import { formatBytes } from "../../../lib/format";
import { ColumnMapping, ImportSettings } from "./ColumnMapping";
import { type CsvPreview, mappingFor, mappingProblem, previewFile, type Target } from "./csv-preview";

/** Choose a file, check how its columns map (from its first rows), confirm consent, add tags, start. */
export function UploadForm(props: { onStarted: (importId: string) => void }) {
	const [file, setFile] = createSignal<File>();
	const [dragging, setDragging] = createSignal(false);
	const [preview, setPreview] = createSignal<CsvPreview | null>();
	const [chosen, setChosen] = createSignal<Target[]>([]);
	const [consent, setConsent] = createSignal(false);
	const [tags, setTags] = createSignal("");
	const problem = () => {
		const p = preview();
		return p ? mappingProblem(p.headers, chosen()) : undefined;
	};

	const upload = createSubmission(async () => {
		const picked = file();
		if (!picked) throw new Error("Choose a CSV file first");
		const p = preview();
		const started = await uploadCsvWithSettings(picked, {
			consent: consent(),
			tags: tags(),
			mapping: p && !problem() ? mappingFor(p, chosen()) : undefined,
		});
		setFile(undefined);
		setPreview(undefined);
		setTags("");
		setConsent(false);
		props.onStarted(started.import_id);
	}, ["file", "tags", "mapping", "consent"]);

	const choose = async (files: FileList | null | undefined) => {
		const picked = files?.[0];
		if (!picked) return;
		upload.reset();
		setFile(picked);
		const p = await previewFile(picked).catch(() => null);
		if (file() !== picked) return;
		setPreview(p);
		setChosen(p?.guessed ?? []);
	};

	return (
		<form class="stack" onSubmit={upload.submit} noValidate>
			<FormAlert message={upload.formError()} />
			<FieldShell id="csv-file" label="CSV file" error={upload.field("file")}>
				<label
					class="dropzone"
					classList={{ dragging: dragging(), "has-file": Boolean(file()) }}
					onDragEnter={(e) => {
						e.preventDefault();
						setDragging(true);
					}}
					onDragOver={(e) => {
						e.preventDefault();
						if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
					}}
					onDragLeave={() => setDragging(false)}
					onDrop={(e) => {
						e.preventDefault();
						setDragging(false);
						void choose(e.dataTransfer?.files);
					}}
				>
					<input
						id="csv-file"
						class="sr-only"
						type="file"
						accept=".csv,.tsv,.txt,text/csv,text/plain"
						aria-invalid={upload.field("file") ? "true" : undefined}
						aria-describedby={describedBy({ id: "csv-file", error: upload.field("file") })}
						onChange={(e) => {
							void choose(e.currentTarget.files);
							e.currentTarget.value = "";
						}}
					/>
					<Show
						when={file()}
						fallback={
							<>
								<strong>Drop a CSV file here</strong>
								<span class="muted">or click to choose one (up to 50 MB)</span>
							</>
						}
					>
						{(f) => (
							<>
								<strong data-testid="chosen-file" class="cell-clip-text">
									{f().name}
								</strong>
								<span class="muted">{formatBytes(f().size)} · click to choose another file</span>
							</>
						)}
					</Show>
				</label>
			</FieldShell>
			<Show when={file() && preview()}>
				{(p) => (
					<ColumnMapping
						preview={p()}
						chosen={chosen()}
						problem={problem() ?? upload.field("mapping")}
						onChoose={(i, target) => setChosen((prev) => prev.map((c, j) => (j === i ? target : c)))}
					/>
				)}
			</Show>
			<Show when={file()}>
				<ImportSettings
					consent={consent()}
					onConsent={setConsent}
					tags={tags()}
					onTags={setTags}
					error={upload.field("tags")}
				/>
			</Show>
			<div class="form-actions">
				<Button type="submit" variant="primary" disabled={!file()} loading={upload.pending()}>
					Start import
				</Button>
			</div>
		</form>
	);
}
