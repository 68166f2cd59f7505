import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { describedBy, FieldShell } from "../../components/Field";
import { FormAlert } from "../../components/FormAlert";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { ProgressBar } from "../../components/ProgressBar";
import { type Column, Table } from "../../components/Table";
import { toast } from "../../components/Toasts";
import { getImport, listImports, messageOf, uploadCsv } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatBytes, formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { ImportJob } from "../../lib/types";

const POLL_MS = 500;

const STATUS_TONES: Record<ImportJob["status"], BadgeTone> = {
	running: "accent",
	completed: "success",
	failed: "danger",
};

export const errorsCsvUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors.csv`;

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
function ImportProgress(props: { id: string; onFinished: () => void }) {
	const [job, setJob] = createSignal<ImportJob>();
	const [error, setError] = createSignal<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	const poll = async () => {
		try {
			const next = await getImport(props.id);
			if (stopped) return;
			const wasRunning = job()?.status === "running";
			setJob(next);
			setError(undefined);
			if (next.status === "running") {
				timer = setTimeout(poll, POLL_MS);
			} else if (wasRunning) {
				props.onFinished();
				if (next.status === "completed") toast.success(`Import finished: ${formatNumber(next.created)} new contacts`);
				else toast.error("The import failed");
			}
		} catch (e) {
			if (stopped) return;
			setError(messageOf(e));
			timer = setTimeout(poll, POLL_MS * 4);
		}
	};
	void poll();
	onCleanup(() => {
		stopped = true;
		clearTimeout(timer);
	});

	return (
		<section class="card section-gap import-status" aria-labelledby="import-status-title" data-testid="import-status">
			<div class="import-status-head">
				<h2 class="card-title" id="import-status-title">
					{job()?.file_name ?? "Import"}
				</h2>
				<Show when={job()}>{(j) => <Badge tone={STATUS_TONES[j().status]}>{j().status}</Badge>}</Show>
			</div>
			<FormAlert message={error()} tone="warning" />
			<Show when={job()} fallback={<p class="muted">Loading import…</p>}>
				{(j) => (
					<div class="stack">
						<ProgressBar
							label="Import progress"
							value={j().status === "completed" ? j().total_rows || 1 : j().processed_rows}
							max={j().status === "completed" ? j().total_rows || 1 : j().total_rows}
							caption={`${formatNumber(j().processed_rows)} of ${formatNumber(j().total_rows)} rows`}
						/>
						<Show when={j().status === "failed"}>
							<FormAlert message={j().failure ?? "The import failed."} />
						</Show>
						<Show when={j().status !== "running"}>
							<ImportSummary job={j()} />
						</Show>
					</div>
				)}
			</Show>
		</section>
	);
}

function ImportSummary(props: { job: ImportJob }) {
	const stats = () => [
		{ label: "Created", value: props.job.created, tone: "success" },
		{ label: "Updated", value: props.job.updated, tone: "accent" },
		{ label: "Unchanged", value: props.job.skipped, tone: "neutral" },
		{ label: "Suppressed", value: props.job.suppressed, tone: "warning" },
		{ label: "Errors", value: props.job.error_count, tone: props.job.error_count > 0 ? "danger" : "neutral" },
	];
	return (
		<div class="stack">
			<dl class="stats" aria-label="Import summary">
				<For each={stats()}>
					{(s) => (
						<div class={`stat stat-${s.tone}`} data-testid={`stat-${s.label.toLowerCase()}`}>
							<dt>{s.label}</dt>
							<dd>{formatNumber(s.value)}</dd>
						</div>
					)}
				</For>
			</dl>
			<Show when={props.job.suppressed > 0}>
				<p class="muted small">
					Suppressed rows are addresses that unsubscribed, bounced, complained or were erased; they were left as they
					are.
				</p>
			</Show>
			<Show when={props.job.error_count > 0}>
				<div class="errors-head">
					<h3>
						Rows with errors
						<Show when={props.job.error_count > props.job.errors.length}>
							<span class="muted small">
								{" "}
								(first {props.job.errors.length} of {formatNumber(props.job.error_count)})
							</span>
						</Show>
					</h3>
					<a class="btn btn-secondary btn-sm" href={errorsCsvUrl(props.job.id)} download="">
						Download error report (CSV)
					</a>
				</div>
				<div class="card-inset">
					<Table
						label="Rows with errors"
						columns={[
							{ header: "Line", class: "cell-num", cell: (e) => e.line },
							{ header: "Email", cell: (e) => e.email ?? <span class="muted">—</span> },
							{ header: "Reason", cell: (e) => e.reason },
						]}
						rows={props.job.errors}
						rowKey={(e) => String(e.line)}
						empty={null}
					/>
				</div>
			</Show>
		</div>
	);
}
