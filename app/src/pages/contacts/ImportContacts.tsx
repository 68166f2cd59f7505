import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { EmptyState } from "../../components/EmptyState";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { listImports } from "../../lib/api";
import { formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { ImportJob } from "../../lib/types";
import { ImportProgress, STATUS_TONES } from "./ImportProgress";
import { UploadForm } from "./import/UploadForm";

/** Upload a CSV, watch it import, read what happened; earlier imports below. */
export default function ImportContacts() {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const [params, setParams] = useSearchParams<{ import?: string }>();
	const history = createPagedList(listImports);
	createEffect(
		on(
			() => me().workspace.id,
			() => history.reload(),
		),
	);
	// An import started here: its card says what happened even if it finishes before the first poll.
	const [startedHere, setStartedHere] = createSignal<string>();
	const started = (id: string) => {
		setStartedHere(id);
		setParams({ import: id });
		history.reload();
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
						<UploadForm onStarted={started} />
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
							<li>
								After you choose a file you see how its columns map, and can change any before importing. Rows with
								errors come back in a CSV with their original columns, ready to fix and import again.
							</li>
						</ul>
						<pre class="code-sample">
							{"email,first_name,last_name,tags,city\nada@example.com,Ada,Lovelace,vip;beta,London"}
						</pre>
					</section>
				</div>
			</Show>
			<Show when={params.import} keyed>
				{(id) => <ImportProgress id={id} startedHere={startedHere() === id} onFinished={() => history.reload()} />}
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
