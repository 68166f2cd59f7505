import { createSignal, For, onCleanup, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { FormAlert } from "../../components/FormAlert";
import { ProgressBar } from "../../components/ProgressBar";
import { Table } from "../../components/Table";
import { toast } from "../../components/Toasts";
import { getImport, messageOf } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import type { ImportJob } from "../../lib/types";

const POLL_MS = 500;

export const STATUS_TONES: Record<ImportJob["status"], BadgeTone> = {
	running: "accent",
	completed: "success",
	failed: "danger",
};

const errorsCsvUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/errors.csv`;

/**
 * A running import: its progress bar, polled until it finishes, then what happened. `startedHere`: the
 * person just started it, so its end is announced even when it finished before the first poll.
 */
export function ImportProgress(props: { id: string; startedHere?: boolean; onFinished: () => void }) {
	const [job, setJob] = createSignal<ImportJob>();
	const [error, setError] = createSignal<string>();
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	const poll = async () => {
		try {
			const next = await getImport(props.id);
			if (stopped) return;
			const previous = job();
			const wasRunning = previous ? previous.status === "running" : props.startedHere === true;
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
						<Show when={j().status === "completed"}>
							<p class="import-done" role="status" data-testid="import-done">
								<strong>Import finished.</strong> {formatNumber(j().created)} new, {formatNumber(j().updated)} updated
								{j().error_count > 0 ? `, ${formatNumber(j().error_count)} rows with errors (see below)` : ""}.
							</p>
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
