import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { type ContactJourney, listContactJourneys, messageOf } from "../../lib/api";
import { formatRelative } from "../../lib/format";

const TONES: Record<ContactJourney["status"], BadgeTone> = {
	active: "accent",
	completed: "success",
	exited: "neutral",
};
const REASONS: Record<string, string> = {
	goal: "reached the goal",
	unsubscribed: "unsubscribed",
	segment_leave: "left the segment",
	archived: "the journey was archived",
};

/** "wait_purchase (timed out) → reminder (sent) → end": the steps this contact went through. */
export const pathTaken = (history: ContactJourney["history"]) =>
	history.map((h) => (h.outcome ? `${h.node_id} (${h.outcome.replaceAll("_", " ")})` : h.node_id)).join(" → ");

/** The contact page's list of the journeys this contact is or was in, the path taken and why they left. */
export function ContactJourneys(props: { contactId: string }) {
	const [rows] = createResource(() => props.contactId, listContactJourneys);
	return (
		<section class="card section-gap" data-testid="contact-journeys">
			<h2 class="card-title">Journeys</h2>
			<Show when={!rows.error} fallback={<p class="muted">Could not load journeys: {messageOf(rows.error)}</p>}>
				<Show
					when={(rows.latest ?? []).length > 0}
					fallback={<p class="muted">{rows.loading ? "Loading…" : "Not in any journey."}</p>}
				>
					<ul class="recent-list">
						<For each={rows.latest}>
							{(row) => (
								<li>
									<div>
										<A href={`/journeys/${row.journey_id}`} class="strong-link">
											{row.journey_name}
										</A>{" "}
										<Badge tone={TONES[row.status] ?? "neutral"}>{row.status}</Badge>{" "}
										<span class="muted small" title={row.entered_at}>
											entered {formatRelative(row.entered_at)}
										</span>
									</div>
									<div class="small">
										<Show when={row.status === "active" && row.node_id}>
											{(node) => <span>Now at {node()}. </span>}
										</Show>
										<Show when={row.status === "exited"}>
											<span>
												Left: {REASONS[row.exit_reason ?? ""] ?? row.exit_reason?.replaceAll("_", " ") ?? "unknown"}.{" "}
											</span>
										</Show>
										<Show when={row.history.length > 0}>
											<span class="muted">Path: {pathTaken(row.history)}</span>
										</Show>
									</div>
								</li>
							)}
						</For>
					</ul>
				</Show>
			</Show>
		</section>
	);
}
