import { type Accessor, createEffect, createResource, For, onCleanup, Show } from "solid-js";
import { Badge } from "../../../components/Badge";
import { Button } from "../../../components/Button";
import { FormAlert } from "../../../components/FormAlert";
import { getReadiness, type Readiness } from "../../../lib/api";

type Props = {
	readiness: Readiness;
	mode: "now" | "schedule";
	checking: boolean;
	/** Asks the server again (after fixing something elsewhere, e.g. in another tab). */
	onCheckAgain: () => void;
};

/**
 * What `send`/`schedule` would answer now, from the server (null: it would go ahead). The dialog schedules at the
 * time picked in it, so a saved send time that has passed (the refusal about `send_at`) does not hold it.
 */
export function refusalFor(r: Readiness, mode: "now" | "schedule") {
	if (mode === "now") return r.refusals.send;
	return r.refusals.schedule?.path === "send_at" ? null : r.refusals.schedule;
}

/**
 * The checklist and what the server would answer to this send, asked afresh each time the dialog opens (and when
 * the window comes back into focus); `refused` holds the button until the answer says the send would go ahead.
 */
export function createSendReadiness(
	open: Accessor<boolean>,
	campaignId: Accessor<string>,
	mode: Accessor<"now" | "schedule">,
) {
	const [readiness, { refetch }] = createResource(() => (open() ? campaignId() : false), getReadiness);
	const recheck = () => void refetch();
	// Back from fixing something in another tab (settings, the review): ask again.
	createEffect(() => {
		if (!open()) return;
		window.addEventListener("focus", recheck);
		onCleanup(() => window.removeEventListener("focus", recheck));
	});
	const refused = () => {
		const r = readiness.latest;
		return !r || readiness.loading || refusalFor(r, mode()) !== null;
	};
	return { readiness, recheck, refused };
}

/**
 * The readiness checklist inside the send dialog: the score, each failing check with what to do, and, when the
 * server would refuse this send, its reason (the button waits until it would not).
 */
export function SendChecks(props: Props) {
	// Sending now ignores a saved send time, so its check says nothing about this send.
	const failing = () =>
		props.readiness.checks.filter((c) => !c.ok && (props.mode === "schedule" || c.key !== "schedule"));
	const refusal = () => refusalFor(props.readiness, props.mode);
	return (
		<div class="stack" data-testid="send-checks">
			<div>
				<strong>Readiness </strong>
				<span data-testid="send-readiness-score">
					<Badge tone={props.readiness.ready ? "success" : props.readiness.score >= 70 ? "warning" : "danger"}>
						{props.readiness.ready ? "Ready" : `${props.readiness.score}% ready`}
					</Badge>
				</span>
			</div>
			<Show when={failing().length > 0}>
				<ul class="steps">
					<For each={failing()}>
						{(check) => (
							<li class="step" data-check={check.key} data-ok="false">
								<span class="step-mark" aria-hidden="true">
									!
								</span>
								<span class="step-text">
									<strong>{check.label}</strong>
									<span class="small muted">{check.detail}</span>
								</span>
							</li>
						)}
					</For>
				</ul>
			</Show>
			<Show when={refusal()}>
				{(r) => (
					<div data-testid="send-refusal" class="stack">
						{/* A missing postal address has its own message, with the way to settings (in the dialog). */}
						<Show when={r().path !== "postal_address"}>
							<FormAlert
								tone="warning"
								message={`${props.mode === "now" ? "Sending" : "Scheduling"} is not possible yet: ${r().message}`}
							/>
						</Show>
						<div>
							<Button size="sm" variant="ghost" loading={props.checking} onClick={() => props.onCheckAgain()}>
								Check again
							</Button>
						</div>
					</div>
				)}
			</Show>
		</div>
	);
}
