import { Show } from "solid-js";
import { Button } from "../../../components/Button";
import { CampaignCopyButtons } from "../../../components/clone/CampaignCopyButtons";
import { LinkButton } from "../../../components/LinkButton";
import type { CampaignStatus } from "../../../lib/types";
import { AskAssistant } from "../../assistant/AskAssistant";
import { isEditable } from "../shared";

type Props = {
	id: string;
	name: string;
	status: CampaignStatus;
	canEdit: boolean;
	busy: "pause" | "resume" | undefined;
	onSend: (mode: "now" | "schedule") => void;
	onCommand: (name: "pause" | "resume") => void;
	onConfirm: (what: "cancel" | "delete") => void;
};

/** The header's buttons: only what the campaign's status allows, and only for editors. */
export function CampaignActions(props: Props) {
	const is = (...statuses: CampaignStatus[]) => statuses.includes(props.status);
	return (
		<>
			<AskAssistant
				prompt={`Summarize the results of the campaign "${props.name}" (${props.id}) and suggest what to try next.`}
			/>
			{/* Everyone who can see the campaign can hand its results on, once it has started. */}
			<Show when={!is("draft", "scheduled")}>
				<LinkButton href={`/campaigns/${props.id}/report`}>Report</LinkButton>
			</Show>
			<Show when={props.canEdit}>
				<CampaignCopyButtons id={props.id} name={props.name} />
				<Show when={is("draft", "cancelled", "scheduled")}>
					<Button variant="ghost" class="text-danger" onClick={() => props.onConfirm("delete")}>
						Delete
					</Button>
				</Show>
				{/* A draft has nothing to cancel (it is deleted instead); cancelling stops a scheduled or running send. */}
				<Show when={is("scheduled", "sending", "paused")}>
					<Button variant="ghost" class="text-danger" onClick={() => props.onConfirm("cancel")}>
						Cancel campaign
					</Button>
				</Show>
				<Show when={isEditable(props.status)}>
					<LinkButton href={`/campaigns/${props.id}/edit`}>Edit</LinkButton>
				</Show>
				<Show when={is("draft")}>
					<Button onClick={() => props.onSend("schedule")}>Schedule…</Button>
				</Show>
				<Show when={is("draft", "scheduled")}>
					<Button variant="primary" onClick={() => props.onSend("now")}>
						Send now…
					</Button>
				</Show>
				<Show when={is("sending")}>
					<Button onClick={() => props.onCommand("pause")} loading={props.busy === "pause"}>
						Pause
					</Button>
				</Show>
				<Show when={is("paused")}>
					<Button variant="primary" onClick={() => props.onCommand("resume")} loading={props.busy === "resume"}>
						Resume
					</Button>
				</Show>
			</Show>
		</>
	);
}
