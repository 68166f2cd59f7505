import { HistoryPanel } from "../../components/history/HistoryPanel";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { ReviewPanels } from "../reviews/ReviewPanels";

/** Under a journey (builder or live page): its approval (stages, decisions), comments and history. */
export function JourneyReview(props: { id: string }) {
	const me = useMe();
	return (
		<div class="stack section-gap" data-testid="journey-review">
			<ReviewPanels target="journeys" id={props.id} canEdit={atLeast(me().role, "editor")} />
			<HistoryPanel type="journey" id={props.id} />
		</div>
	);
}
