import { A, useNavigate } from "@solidjs/router";
import { createEffect, on, Show } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { listSegments } from "../../lib/api";
import { formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Segment } from "../../lib/types";

/** Saved segments with their current counts. */
export default function Segments() {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const segments = createPagedList((cursor) => listSegments({ limit: 50, cursor }));
	createEffect(
		on(
			() => me().workspace.id,
			() => segments.reload(),
		),
	);

	const columns: Column<Segment>[] = [
		{
			header: "Name",
			cell: (s) => (
				<A href={`/segments/${s.id}`} class="strong-link">
					{s.name}
				</A>
			),
		},
		{ header: "Contacts", class: "cell-num", cell: (s) => formatNumber(s.count) },
		{ header: "Updated", cell: (s) => <span title={s.updated_at}>{formatRelative(s.updated_at)}</span> },
	];

	return (
		<>
			<PageHeader
				title="Segments"
				description="Audiences defined by rules over attributes, tags, events and engagement; counts are always current."
				actions={
					<Show when={canEdit()}>
						<LinkButton href="/segments/new" variant="primary">
							New segment
						</LinkButton>
					</Show>
				}
			/>
			<section class="card card-flush">
				<PagedTable
					label="Segments"
					columns={columns}
					list={segments}
					rowKey={(s) => s.id}
					onRowClick={(s) => navigate(`/segments/${s.id}`)}
					empty={
						<EmptyState
							icon="segments"
							title="No segments yet"
							action={
								<Show when={canEdit()}>
									<LinkButton href="/segments/new" variant="primary">
										Build your first segment
									</LinkButton>
								</Show>
							}
						>
							Group contacts by what they are (attributes, tags) and what they do (events, opens, clicks), then send a
							campaign to just them.
						</EmptyState>
					}
				/>
			</section>
		</>
	);
}
