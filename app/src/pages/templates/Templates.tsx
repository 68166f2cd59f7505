import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { BulkBar } from "../../components/bulk/BulkBar";
import { selectColumn } from "../../components/bulk/SelectColumn";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { listTemplates } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import { formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Template } from "../../lib/types";
import { StarterGallery } from "./StarterGallery";

/** Email templates, newest first; an empty workspace is offered the starters. */
export default function Templates() {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	// The shelf (in use / archived) and the category are kept in the URL.
	const [params, setParams] = useSearchParams<{ shelf?: string; category?: string }>();
	const [category, setCategory] = createSignal(params.category ?? "");
	const settledCategory = createDebounced(category, 300);
	createEffect(
		on(settledCategory, (c) => setParams({ category: c.trim() || undefined }, { replace: true }), { defer: true }),
	);
	const archived = () => params.shelf === "archived";
	const filtered = () => archived() || Boolean(params.category);
	const templates = createPagedList((cursor) =>
		listTemplates({ limit: 50, cursor, archived: archived(), category: params.category || undefined }),
	);
	createEffect(
		on(
			() => [me().workspace.id, params.shelf, params.category],
			() => templates.reload(),
		),
	);
	const empty = () => !filtered() && templates.items()?.length === 0 && !templates.loading() && !templates.error();
	const [selected, setSelected] = createSignal(new Set<string>());
	const nameOf = (id: string) => templates.items()?.find((t) => t.id === id)?.name ?? id;
	const select = selectColumn({ selected, setSelected, rows: templates.items, key: (t) => t.id, name: (t) => t.name });

	const columns: Column<Template>[] = [
		...(canEdit() ? [select] : []),
		{
			header: "Name",
			cell: (t) => (
				<A href={`/templates/${t.id}`} class="strong-link">
					{t.name}
				</A>
			),
		},
		{ header: "Subject", class: "cell-clip", cell: (t) => <span title={t.subject}>{t.subject}</span> },
		{ header: "Category", cell: (t) => t.category ?? <span class="muted">—</span> },
		{
			header: "Editor",
			cell: (t) => (
				<Badge tone={t.editor === "blocks" ? "accent" : "neutral"}>{t.editor === "blocks" ? "Blocks" : "HTML"}</Badge>
			),
		},
		{ header: "Updated", cell: (t) => <span title={t.updated_at}>{formatRelative(t.updated_at)}</span> },
	];

	return (
		<>
			<PageHeader
				title="Templates"
				description="Email designs with Liquid personalisation, previewed exactly as they will be sent."
				actions={
					<Show when={canEdit() && !empty()}>
						<LinkButton href="/templates/new" variant="primary">
							New template
						</LinkButton>
					</Show>
				}
			/>
			<Show
				when={empty() && canEdit()}
				fallback={
					<section class="card card-flush">
						<search class="filter-bar">
							<SelectField
								label="Shelf"
								name="shelf"
								options={[
									{ value: "", label: "In use" },
									{ value: "archived", label: "Archived" },
								]}
								value={params.shelf ?? ""}
								onChange={(e) => setParams({ shelf: e.currentTarget.value || undefined }, { replace: true })}
							/>
							<TextField
								label="Category"
								name="category"
								placeholder="Any category"
								value={category()}
								onInput={(e) => setCategory(e.currentTarget.value)}
							/>
						</search>
						<BulkBar
							resource="templates"
							noun="templates"
							selected={selected()}
							setSelected={setSelected}
							nameOf={nameOf}
							onDone={() => templates.reload()}
							matching={{
								filter: { category: params.category || undefined, archived: archived() ? "true" : undefined },
								pageIds: (templates.items() ?? []).map((t) => t.id),
								hasMore: templates.hasMore(),
							}}
						/>
						<PagedTable
							label="Templates"
							columns={columns}
							list={templates}
							rowKey={(t) => t.id}
							onRowClick={(t) => navigate(`/templates/${t.id}`)}
							empty={
								<Show
									when={filtered()}
									fallback={
										<EmptyState icon="templates" title="No templates yet">
											Editors create templates from a starter or from scratch; they will be listed here.
										</EmptyState>
									}
								>
									<EmptyState icon="templates" title="No templates on this shelf">
										{archived() ? "Archived templates show here." : "No template has this category."}
									</EmptyState>
								</Show>
							}
						/>
					</section>
				}
			>
				<section class="card stack">
					<div>
						<h2 class="card-title">Start from a template</h2>
						<p class="muted">
							No templates yet. Pick a starter (tested layouts with inline styles, a footer and personalisation) or
							start blank; you can change everything in the editor.
						</p>
					</div>
					<StarterGallery />
				</section>
			</Show>
		</>
	);
}
