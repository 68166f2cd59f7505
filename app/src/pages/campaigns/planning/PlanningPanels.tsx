import { Show } from "solid-js";
import type { CampaignStatus } from "../../../lib/types";
import { ReadinessCard } from "./ReadinessCard";
import { TimelineCard } from "./TimelineCard";

/** The campaign page's planning: the readiness checklist before it sends, and its timeline of milestones and tasks. */
export function PlanningPanels(props: { campaignId: string; status: CampaignStatus; canEdit: boolean }) {
	return (
		<>
			<Show when={props.status === "draft" || props.status === "scheduled"}>
				<ReadinessCard campaignId={props.campaignId} />
			</Show>
			<TimelineCard
				campaignId={props.campaignId}
				canEdit={props.canEdit}
				started={props.status !== "draft" && props.status !== "scheduled"}
			/>
		</>
	);
}
