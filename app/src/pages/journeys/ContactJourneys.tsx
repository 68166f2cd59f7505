import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { type ContactJourney, getJourney, listContactJourneys, listTemplates, messageOf } from "../../lib/api";
import { formatRelative } from "../../lib/format";
import type { Definition } from "./model/graph";
import { summarize } from "./model/summary";

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
	contact_gone: "the contact was erased",
};

const OUTCOMES: Record<string, string> = {
	event: "the event came",
	timeout: "timed out",
	else: "otherwise",
	attribute_missing: "no date to wait for",
	attribute_passed: "date already passed",
};
const outcomeWords = (outcome: string) =>
	OUTCOMES[outcome] ??
	(outcome.startsWith("exited:")
		? `left: ${REASONS[outcome.slice(7)] ?? outcome.slice(7).replaceAll("_", " ")}`
		: outcome.replaceAll("_", " "));

/** "Wait up to 4 hours for purchase (timed out) → Send “Reminder” (sent)": the steps this contact went through. */
export const pathTaken = (history: ContactJourney["history"], step: (nodeId: string) => string = (id) => id) =>
	history.map((h) => (h.outcome ? `${step(h.node_id)} (${outcomeWords(h.outcome)})` : step(h.node_id))).join(" → ");

/** The contact page's list of the journeys this contact is or was in, the path taken and why they left. */
export function ContactJourneys(props: { contactId: string }) {
	const [rows] = createResource(() => props.contactId, listContactJourneys);
	const [templates] = createResource(async () => (await listTemplates({ limit: 200 })).data);
	const templateName = (id: string) => templates()?.find((t) => t.id === id)?.name;
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
							{(row) => {
								// Steps in words from the journey's current version; a step it no longer has keeps its id.
								const [journey] = createResource(() => row.journey_id, getJourney);
								const step = (nodeId: string) => {
									const node = (journey()?.definition as Definition | undefined)?.nodes[nodeId];
									return node ? summarize(node, templateName) : nodeId;
								};
								return (
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
												{(node) => <span>Now at: {step(node())}. </span>}
											</Show>
											<Show when={row.status === "exited"}>
												<span>
													Left: {REASONS[row.exit_reason ?? ""] ?? row.exit_reason?.replaceAll("_", " ") ?? "unknown"}.{" "}
												</span>
											</Show>
											<Show when={row.history.length > 0}>
												<span class="muted">Path: {pathTaken(row.history, step)}</span>
											</Show>
										</div>
									</li>
								);
							}}
						</For>
					</ul>
				</Show>
			</Show>
		</section>
	);
}
