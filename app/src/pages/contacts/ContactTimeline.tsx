import { createEffect, createSignal, For, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { getContactTimeline } from "../../lib/api";
import { formatDate, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { TimelineEntry } from "./TimelineEntry";

/** The kinds a person can filter on (journeys will join when they exist). */
const KINDS = [
	{ kind: "message", label: "Emails" },
	{ kind: "open", label: "Opens" },
	{ kind: "click", label: "Clicks" },
	{ kind: "event", label: "Events" },
	{ kind: "status", label: "Status" },
	{ kind: "consent", label: "Consent" },
] as const;
type Kind = (typeof KINDS)[number]["kind"];
const PAGE = 30;

/** Everything that happened to a contact, newest first, filterable by kind, 30 at a time. */
export function ContactTimeline(props: { contactId: string }) {
	const [kinds, setKinds] = createSignal<Kind[]>(KINDS.map((k) => k.kind));
	const list = createPagedList((cursor) =>
		getContactTimeline(props.contactId, { kinds: kinds(), limit: PAGE, cursor }),
	);
	createEffect(on([() => props.contactId, kinds], () => list.reload()));
	const toggle = (kind: Kind, on: boolean) =>
		setKinds((prev) => (on ? [...prev, kind] : prev.filter((k) => k !== kind)));

	return (
		<section class="card section-gap" aria-labelledby="timeline-title" data-testid="contact-timeline">
			<div class="card-head">
				<h2 class="card-title" id="timeline-title">
					Timeline
				</h2>
			</div>
			<fieldset class="kind-filters">
				<legend class="sr-only">Show</legend>
				<For each={KINDS}>
					{(k) => (
						<label class="kind-filter">
							<input
								type="checkbox"
								checked={kinds().includes(k.kind)}
								onChange={(e) => toggle(k.kind, e.currentTarget.checked)}
							/>{" "}
							{k.label}
						</label>
					)}
				</For>
			</fieldset>
			<Show when={list.error()}>{(error) => <p class="text-danger">{error()}</p>}</Show>
			<Show
				when={(list.items()?.length ?? 0) > 0}
				fallback={
					<p class="muted" data-testid="timeline-none">
						{list.loading() || !list.items()
							? "Loading the timeline…"
							: "Nothing yet. Emails sent to this contact, their opens and clicks, events and status changes show up here."}
					</p>
				}
			>
				<ol class="activity">
					<For each={list.items()}>
						{(item) => (
							<li data-kind={item.kind}>
								<span class="timeline-dot" aria-hidden="true" />
								<div>
									<TimelineEntry item={item} />
									<div class="muted small">
										<time datetime={item.at} title={formatDate(item.at)}>
											{formatRelative(item.at)}
										</time>
									</div>
								</div>
							</li>
						)}
					</For>
				</ol>
			</Show>
			<Show when={list.hasMore()}>
				<Button onClick={() => list.loadMore()} loading={list.loading()}>
					Load more
				</Button>
			</Show>
		</section>
	);
}
