import { createSignal, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { toast } from "../../../components/Toasts";
import { type JourneyCommand, type JourneyStatus, journeyCommand, messageOf } from "../../../lib/api";

const DONE: Record<JourneyCommand, string> = {
	activate: "Journey activated",
	pause: "Paused: everyone is held where they are and nothing is sent",
	resume: "Resumed: each contact carries on from where they were held",
	archive: "Archived: the journey has ended",
};

/** Pause, resume and archive; a refused move (409) is shown as the API words it. */
export function JourneyControls(props: {
	id: string;
	name: string;
	status: JourneyStatus;
	onStatus: (status: JourneyStatus) => void;
}) {
	const [busy, setBusy] = createSignal<JourneyCommand>();
	const [archiving, setArchiving] = createSignal(false);
	const run = async (command: JourneyCommand) => {
		setBusy(command);
		try {
			const result = await journeyCommand(props.id, command);
			toast.success(DONE[command]);
			props.onStatus(result.status);
		} catch (e) {
			toast.error(messageOf(e));
		} finally {
			setBusy(undefined);
		}
	};
	return (
		<>
			<Show when={props.status === "active"}>
				<Button onClick={() => run("pause")} loading={busy() === "pause"}>
					Pause
				</Button>
			</Show>
			<Show when={props.status === "paused"}>
				<Button variant="primary" onClick={() => run("resume")} loading={busy() === "resume"}>
					Resume
				</Button>
			</Show>
			<Show when={props.status !== "archived" && props.status !== "draft"}>
				<Button variant="danger" onClick={() => setArchiving(true)} disabled={Boolean(busy())}>
					Archive
				</Button>
			</Show>
			<ConfirmDialog
				open={archiving()}
				title="Archive this journey?"
				confirmLabel="Archive journey"
				onClose={() => setArchiving(false)}
				onConfirm={async () => {
					const result = await journeyCommand(props.id, "archive");
					toast.success(DONE.archive);
					props.onStatus(result.status);
				}}
			>
				<p>
					<strong>{props.name}</strong> ends for good: nobody enters any more and the contacts in it leave. This cannot
					be undone.
				</p>
			</ConfirmDialog>
		</>
	);
}
