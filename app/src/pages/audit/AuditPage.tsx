import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, on, Show } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { type AuditEntry, auditCsvUrl, listAuditLog, listMembers } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import { formatDate } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { useMe } from "../../lib/session";
import { AdminOnly } from "./AdminOnly";
import {
	type AuditParams,
	actionWords,
	actorLabel,
	auditFilterOf,
	memberName,
	metadataText,
	OBJECT_TYPES,
	objectHref,
	objectLabel,
} from "./audit-filters";
import { RetentionCard } from "./RetentionCard";
import "./audit.css";

/** `/audit`: what was done in the workspace (admins), filtered by actor, action, object and dates kept in the URL. */
export default function AuditPage() {
	const me = useMe();
	const [params, setParams] = useSearchParams<AuditParams>();
	const [action, setAction] = createSignal(params.action ?? "");
	const [object, setObject] = createSignal(params.object ?? "");
	const settledAction = createDebounced(action, 300);
	const settledObject = createDebounced(object, 300);
	createEffect(
		on(settledAction, (a) => setParams({ action: a.trim() || undefined }, { replace: true }), { defer: true }),
	);
	createEffect(
		on(settledObject, (o) => setParams({ object: o.trim() || undefined }, { replace: true }), { defer: true }),
	);
	const set = (patch: AuditParams) => setParams(patch, { replace: true });

	const [members] = createResource(
		() => me().workspace.id,
		async () => (await listMembers()).data,
	);
	const nameOf = (id: string) => memberName(members(), id);
	const [retention, setRetention] = createSignal<number | null>();
	const filter = () => auditFilterOf(params);
	const entries = createPagedList(async (cursor) => {
		const page = await listAuditLog(filter(), { limit: 50, cursor });
		setRetention(page.retention_days);
		return page;
	});
	createEffect(
		on(
			() => [me().workspace.id, JSON.stringify(filter())],
			() => entries.reload(),
		),
	);

	const columns: Column<AuditEntry>[] = [
		{ header: "When", class: "audit-when", cell: (e) => <span title={e.created_at}>{formatDate(e.created_at)}</span> },
		{ header: "Who", cell: (e) => actorLabel(e, nameOf) },
		{ header: "Action", cell: (e) => <span title={e.action}>{actionWords(e.action)}</span> },
		{
			header: "Object",
			class: "cell-clip",
			cell: (e) => (
				<Show when={e.target_type} fallback={<span class="muted">—</span>}>
					<Show when={objectHref(e)} fallback={<span title={e.target_id ?? undefined}>{objectLabel(e)}</span>}>
						{(href) => (
							<A href={href()} title={e.target_id ?? undefined}>
								{objectLabel(e)}
							</A>
						)}
					</Show>
				</Show>
			),
		},
		{ header: "Details", class: "cell-clip", cell: (e) => <span class="muted small">{metadataText(e.metadata)}</span> },
		{ header: "IP", cell: (e) => <span class="muted small">{e.ip ?? "—"}</span> },
	];

	return (
		<AdminOnly what="The audit log">
			<PageHeader
				title="Audit log"
				description="Who did what in this workspace, newest first. Filters stay in the address; export them as CSV."
				actions={
					<a class="btn btn-secondary btn-md" href={auditCsvUrl(filter())} download="" data-testid="audit-csv">
						Export CSV
					</a>
				}
			/>
			<div class="stack">
				<section class="card card-flush">
					<search class="filter-bar audit-filters">
						<SelectField
							label="Who"
							name="actor"
							options={[
								{ value: "", label: "Anyone" },
								...(members() ?? []).flatMap((m) =>
									m.user_id ? [{ value: m.user_id, label: m.name || m.email }] : [],
								),
							]}
							value={params.actor ?? ""}
							onChange={(e) => set({ actor: e.currentTarget.value || undefined })}
						/>
						<TextField
							label="Action"
							name="action"
							placeholder="campaign. or campaign.archived"
							value={action()}
							onInput={(e) => setAction(e.currentTarget.value)}
						/>
						<SelectField
							label="Object type"
							name="type"
							options={[{ value: "", label: "Any" }, ...OBJECT_TYPES.map((t) => ({ value: t, label: t }))]}
							value={params.type ?? ""}
							onChange={(e) => set({ type: e.currentTarget.value || undefined })}
						/>
						<TextField
							label="Object id"
							name="object"
							placeholder="cmp_…"
							value={object()}
							onInput={(e) => setObject(e.currentTarget.value)}
						/>
						<TextField
							label="From"
							name="from"
							type="date"
							value={params.from ?? ""}
							onChange={(e) => set({ from: e.currentTarget.value || undefined })}
						/>
						<TextField
							label="To"
							name="to"
							type="date"
							value={params.to ?? ""}
							onChange={(e) => set({ to: e.currentTarget.value || undefined })}
						/>
					</search>
					<PagedTable
						label="Audit log"
						columns={columns}
						list={entries}
						rowKey={(e) => e.id}
						empty={<EmptyState title="No entries match">Try fewer filters, or a longer time range.</EmptyState>}
					/>
				</section>
				<Show when={retention() !== undefined}>
					<RetentionCard days={retention() ?? null} onSaved={setRetention} />
				</Show>
			</div>
		</AdminOnly>
	);
}
