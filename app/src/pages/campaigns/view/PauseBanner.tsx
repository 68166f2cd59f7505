import { Show } from "solid-js";
import { FormAlert } from "../../../components/FormAlert";
import { formatDate } from "../../../lib/format";
import type { Campaign, CampaignStatus } from "../../../lib/types";

type PauseReason = NonNullable<Campaign["pause_reason"]>;

/** What a quota pause means for the marketer: why, when it resumes by itself, and that resuming early is safe. */
export function quotaPauseMessage(reason: PauseReason): string {
	return `${reason.message}. It resumes by itself at ${formatDate(reason.resumes_at)} (your time); nobody is marked failed. You can resume earlier: if the quota is still used up, it pauses again.`;
}

/** The paused campaign's banner: why Pulse paused it (a provider quota), or a person's pause. */
export function PauseBanner(props: { campaign: Campaign; status: CampaignStatus }) {
	return (
		<Show when={props.status === "paused"}>
			<Show
				when={props.campaign.pause_reason}
				fallback={
					<FormAlert
						tone="warning"
						message="Paused: nothing more is enqueued until you resume. Messages already handed to the provider still go out."
					/>
				}
			>
				{(reason) => <FormAlert tone="warning" message={quotaPauseMessage(reason())} />}
			</Show>
		</Show>
	);
}
