import { A, useNavigate } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { listTemplates } from "../../lib/api";
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
	const templates = createPagedList((cursor) => listTemplates({ limit: 50, cursor }));
	createEffect(
		on(
			() => me().workspace.id,
			() => templates.reload(),
		),
	);
	const empty = () => templates.items()?.length === 0 && !templates.loading() && !templates.error();

	const columns: Column<Template>[] = [
		{
			header: "Name",
			cell: (t) => (
				<A href={`/templates/${t.id}`} class="strong-link">
					{t.name}
				</A>
			),
		},
		{ header: "Subject", class: "cell-clip", cell: (t) => <span title={t.subject}>{t.subject}</span> },
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
						<PagedTable
							label="Templates"
							columns={columns}
							list={templates}
							rowKey={(t) => t.id}
							onRowClick={(t) => navigate(`/templates/${t.id}`)}
							empty={
								<EmptyState icon="templates" title="No templates yet">
									Editors create templates from a starter or from scratch; they will be listed here.
								</EmptyState>
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
