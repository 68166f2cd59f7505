import { A, useNavigate } from "@solidjs/router";
import { createEffect, createResource, on, Show } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { getJourneyStats, type Journey, listJourneys } from "../../lib/api";
import { formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { JourneyStatusBadge } from "./JourneyStatusBadge";
import { StarterPicker } from "./StarterPicker";
import "./journeys.css";

/** Entered and active for a journey that has run (its stats; "—" before, or while the engine has none). */
function CountsCell(props: { journey: Journey; of: "entered" | "active" }) {
	const [stats] = createResource(
		() => (props.journey.status === "draft" ? undefined : props.journey.id),
		(id) => getJourneyStats(id).catch(() => undefined),
	);
	return (
		<Show when={stats.latest} fallback={<span class="muted">—</span>}>
			{(s) => <span data-testid={`journey-${props.of}`}>{formatNumber(s()[props.of])}</span>}
		</Show>
	);
}

/** `/journeys`: automated sequences, newest first; starters when there are none. */
export default function Journeys() {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const journeys = createPagedList((cursor) => listJourneys({ limit: 50, cursor }));
	createEffect(
		on(
			() => me().workspace.id,
			() => journeys.reload(),
		),
	);
	const empty = () => journeys.items()?.length === 0 && !journeys.loading() && !journeys.error();

	const columns: Column<Journey>[] = [
		{
			header: "Name",
			class: "cell-clip",
			cell: (j) => (
				<A href={`/journeys/${j.id}`} class="strong-link" title={j.name}>
					{j.name}
				</A>
			),
		},
		{ header: "Status", cell: (j) => <JourneyStatusBadge status={j.status} /> },
		{ header: "Version", class: "cell-num", cell: (j) => j.version },
		{ header: "Entered", class: "cell-num", cell: (j) => <CountsCell journey={j} of="entered" /> },
		{ header: "Active", class: "cell-num", cell: (j) => <CountsCell journey={j} of="active" /> },
		{ header: "Updated", cell: (j) => <span title={j.updated_at}>{formatRelative(j.updated_at)}</span> },
	];

	return (
		<>
			<PageHeader
				title="Journeys"
				description="Automated sequences: contacts enter on an event, a segment or a date, then get emails, waits and branches."
				actions={
					<Show when={canEdit() && !empty()}>
						<LinkButton href="/journeys/new" variant="primary">
							New journey
						</LinkButton>
					</Show>
				}
			/>
			<section class="card card-flush">
				<PagedTable
					label="Journeys"
					columns={columns}
					list={journeys}
					rowKey={(j) => j.id}
					onRowClick={(j) => navigate(`/journeys/${j.id}`)}
					empty={
						<EmptyState icon="journeys" title="No journeys yet">
							<p>A welcome series, an abandoned-cart reminder, a birthday email: start from one of these.</p>
							<Show when={canEdit()}>
								<StarterPicker />
							</Show>
						</EmptyState>
					}
				/>
			</section>
		</>
	);
}
