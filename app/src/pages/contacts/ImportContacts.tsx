import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { describedBy, FieldShell } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { listImports, uploadCsv } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatBytes, formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { ImportJob } from "../../lib/types";
import { ImportProgress, STATUS_TONES } from "./ImportProgress";

/** Upload a CSV, watch it import, read what happened; earlier imports below. */
export default function ImportContacts() {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const [params, setParams] = useSearchParams<{ import?: string }>();
	const [file, setFile] = createSignal<File>();
	const [dragging, setDragging] = createSignal(false);
	const history = createPagedList(listImports);
	createEffect(
		on(
			() => me().workspace.id,
			() => history.reload(),
		),
	);

	const upload = createSubmission(async () => {
		const chosen = file();
		if (!chosen) throw new Error("Choose a CSV file first");
		const started = await uploadCsv(chosen);
		setFile(undefined);
		setParams({ import: started.import_id });
	}, ["file"]);

	const choose = (files: FileList | null | undefined) => {
		const picked = files?.[0];
		if (!picked) return;
		upload.reset();
		setFile(picked);
	};

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/contacts">Contacts</A> <span aria-hidden="true">/</span> <span>Import</span>
			</nav>
			<PageHeader
				title="Import contacts"
				description="Add or update many contacts at once from a CSV file. Imports run in the background; you can leave this page."
			/>
			<Show
				when={canEdit()}
				fallback={
					<section class="card">
						<EmptyState icon="contacts" title="Only editors, admins and owners import contacts">
							You can still look at earlier imports below.
						</EmptyState>
					</section>
				}
			>
				<div class="import-grid">
					<section class="card">
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
										choose(e.dataTransfer?.files);
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
											choose(e.currentTarget.files);
											e.currentTarget.value = "";
										}}
									/>
									<Show
										when={file()}
										fallback={
											<>
												<strong>Drop a CSV file here</strong>
												<span class="muted">or click to choose one (up to 30 MB)</span>
											</>
										}
									>
										{(f) => (
											<>
												<strong data-testid="chosen-file">{f().name}</strong>
												<span class="muted">{formatBytes(f().size)} · click to choose another file</span>
											</>
										)}
									</Show>
								</label>
							</FieldShell>
							<div class="form-actions">
								<Button type="submit" variant="primary" disabled={!file()} loading={upload.pending()}>
									Start import
								</Button>
							</div>
						</form>
					</section>
					<section class="card format-help">
						<h2 class="card-title">What the file should look like</h2>
						<ul class="help-list">
							<li>
								A header row naming the columns; one column must be the <code>email</code> address.
							</li>
							<li>
								<code>first_name</code>, <code>last_name</code>, <code>status</code>, <code>timezone</code> and{" "}
								<code>locale</code> fill those fields; <code>tags</code> holds several tags separated by <code>;</code>.
							</li>
							<li>Every other column becomes an attribute you can segment on (numbers stay numbers).</li>
							<li>
								Exports from Mailchimp, HubSpot, Brevo and spreadsheets work as they are: comma, semicolon or tab
								separated, UTF-8 with or without BOM.
							</li>
							<li>Existing contacts are updated; unsubscribed or bounced addresses are never resubscribed.</li>
						</ul>
						<pre class="code-sample">
							{"email,first_name,last_name,tags,city\nada@example.com,Ada,Lovelace,vip;beta,London"}
						</pre>
					</section>
				</div>
			</Show>
			<Show when={params.import} keyed>
				{(id) => <ImportProgress id={id} onFinished={() => history.reload()} />}
			</Show>
			<section class="card card-flush section-gap">
				<h2 class="card-title card-title-pad">Recent imports</h2>
				<PagedTable
					label="Recent imports"
					columns={historyColumns((id) => setParams({ import: id }))}
					list={history}
					rowKey={(i) => i.id}
					onRowClick={(i) => setParams({ import: i.id })}
					empty={<p class="muted pad">No imports yet.</p>}
				/>
			</section>
		</>
	);
}

function historyColumns(open: (id: string) => void): Column<ImportJob>[] {
	return [
		{
			header: "File",
			cell: (i) => (
				<button type="button" class="link-button" onClick={() => open(i.id)}>
					{i.file_name ?? "Untitled upload"}
				</button>
			),
		},
		{ header: "Status", cell: (i) => <Badge tone={STATUS_TONES[i.status]}>{i.status}</Badge> },
		{ header: "Rows", cell: (i) => formatNumber(i.total_rows) },
		{ header: "Created", cell: (i) => formatNumber(i.created) },
		{ header: "Updated", cell: (i) => formatNumber(i.updated) },
		{ header: "Errors", cell: (i) => formatNumber(i.error_count) },
		{ header: "Started", cell: (i) => <span title={i.created_at}>{formatRelative(i.created_at)}</span> },
	];
}

/** Polls one import every 500 ms while it runs; then shows its counts and error rows. */
