import { createResource, createSignal, Match, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { Spinner } from "../../components/Spinner";
import { ApiError, getSegment, type Journey, journeyCommand, messageOf } from "../../lib/api";
import { formatNumber } from "../../lib/format";
import type { Definition } from "./model/graph";

type Props = {
	open: boolean;
	journey: Journey;
	definition: Definition;
	onClose: () => void;
	onActivated: (result: { status: Journey["status"]; version: number; entering_now?: number }) => void;
	/** The API's issues when it refuses (shown on the steps). */
	onIssues: (issues: { path: string; message: string }[]) => void;
};

/** "Activate?": says who enters now (a segment's current members, counted before) and starts the journey. */
export function ActivateDialog(props: Props) {
	const entry = () => props.definition.entry;
	const existingSegment = () => {
		const e = entry();
		return props.open && e.type === "segment" && e.include_existing && e.segment_id ? e.segment_id : undefined;
	};
	const [segment] = createResource(existingSegment, (id) => getSegment(id));
	const [busy, setBusy] = createSignal(false);
	const [error, setError] = createSignal<string>();

	const activate = async () => {
		setBusy(true);
		setError(undefined);
		try {
			props.onActivated(await journeyCommand(props.journey.id, "activate"));
		} catch (e) {
			if (e instanceof ApiError && e.issues.length > 0) props.onIssues(e.issues);
			setError(messageOf(e));
		} finally {
			setBusy(false);
		}
	};

	return (
		<Dialog
			open={props.open}
			title={`Activate “${props.journey.name}”?`}
			onClose={() => {
				setError(undefined);
				props.onClose();
			}}
			busy={busy()}
			footer={
				<>
					<Button onClick={props.onClose} disabled={busy()}>
						Not yet
					</Button>
					<Button variant="primary" onClick={activate} loading={busy()}>
						Activate
					</Button>
				</>
			}
		>
			<div class="stack" data-testid="activate-dialog">
				<p data-testid="entering-now">
					<Switch>
						<Match when={existingSegment() && segment.loading}>
							<Spinner size="sm" /> Counting the segment…
						</Match>
						<Match when={existingSegment() ? segment.latest : undefined}>
							{(s) => (
								<>
									<strong>{formatNumber(s().count)}</strong> {s().count === 1 ? "contact" : "contacts"} in “{s().name}”
									enter now, then everyone who joins it.
								</>
							)}
						</Match>
						<Match when={entry().type === "segment"}>Nobody enters now: contacts enter as they join the segment.</Match>
						<Match when={entry().type === "event"}>
							Nobody enters now: contacts enter each time “{(entry() as { event: string }).event}” is recorded for them.
						</Match>
						<Match when={entry().type === "date"}>Contacts enter on their date, from today on.</Match>
						<Match when={entry().type === "api"}>
							Nobody enters now: contacts enter when enrolled through the API.
						</Match>
					</Switch>
				</p>
				<p class="muted small">
					{props.journey.transactional
						? "Transactional: sends are not held by the frequency cap or quiet hours."
						: "Sends respect the workspace's frequency cap and quiet hours."}{" "}
					You can pause it at any time; editing it later makes a new version.
				</p>
				<FormAlert message={error()} />
			</div>
		</Dialog>
	);
}
