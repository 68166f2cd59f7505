import { createEffect, createResource, For, on, Show } from "solid-js";
import { getApproval } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { latestNotification } from "../../../lib/notifications";

const VERB = { approve: "approved", request_changes: "requested changes", reject: "rejected" } as const;

/** The review's request and decisions, in order, on the timeline's "Review due" milestone. */
export function ReviewDecisions(props: { campaignId: string; nameOf: (memberId: string | null) => string }) {
	const [approval, { refetch }] = createResource(
		() => props.campaignId,
		(id) => getApproval("campaigns", id),
	);
	// A review requested or decided elsewhere shows at once (the bell's socket brings it).
	createEffect(
		on(latestNotification, (n) => {
			if (n?.link === `/campaigns/${props.campaignId}` && n.kind.startsWith("review_")) void refetch();
		}),
	);
	const events = () => {
		const a = approval.latest;
		if (!a || a.status === "not_required") return [];
		const decided = a.stages.flatMap((s) =>
			s.decisions.map((d) => ({ at: d.at, text: `${props.nameOf(d.member_id)} ${VERB[d.decision]} (${s.name})` })),
		);
		const requested = a.requested_at
			? [{ at: a.requested_at, text: `${props.nameOf(a.requested_by)} requested a review` }]
			: [];
		return [...requested, ...decided].sort((x, y) => x.at.localeCompare(y.at));
	};
	return (
		<Show when={events().length > 0}>
			<ul class="small muted" style={{ margin: 0, "padding-left": "1.2em" }} data-testid="review-events">
				<For each={events()}>
					{(e) => (
						<li>
							{e.text} · {formatDate(e.at)}
						</li>
					)}
				</For>
			</ul>
		</Show>
	);
}
