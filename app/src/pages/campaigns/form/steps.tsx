import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { TextField } from "../../../components/TextField";
import type { Workspace } from "../../../lib/types";
import type { StepProps } from "./step";

/** Step 1: the campaign's name. */
export function NameStep(props: StepProps) {
	return (
		<section class="card stack form-step" aria-labelledby="step-name">
			<h2 class="card-title step-title" id="step-name">
				<span class="step-number">1</span> Name
			</h2>
			<TextField
				label="Campaign name"
				name="name"
				placeholder="e.g. March newsletter"
				hint="Only your team sees it."
				value={props.draft().name}
				onInput={props.text("name")}
				error={props.field("name")}
			/>
		</section>
	);
}

/** Step 4: From and Reply-To (the workspace's default sender when left empty). */
export function SenderStep(props: StepProps & { workspace: Workspace }) {
	return (
		<section class="card stack form-step" aria-labelledby="step-sender">
			<h2 class="card-title step-title" id="step-sender">
				<span class="step-number">4</span> Sender
			</h2>
			<div class="grid-2">
				<TextField
					label="From name"
					name="from_name"
					value={props.draft().from_name}
					onInput={props.text("from_name")}
					error={props.field("from_name")}
				/>
				<TextField
					label="From email"
					name="from_email"
					type="email"
					placeholder="news@yourdomain.com"
					value={props.draft().from_email}
					onInput={props.text("from_email")}
					error={props.field("from_email")}
					hint={props.workspace.default_from_email ? undefined : "No default sender is set for this workspace."}
				/>
			</div>
			<TextField
				label="Reply-To"
				name="reply_to"
				type="email"
				placeholder="Optional: where replies go"
				value={props.draft().reply_to}
				onInput={props.text("reply_to")}
				error={props.field("reply_to")}
			/>
			<Show when={props.field("from_email") && !props.workspace.default_from_email}>
				<p class="muted small">
					Or <A href="/settings/workspace">set a default sender in workspace settings</A>.
				</p>
			</Show>
		</section>
	);
}

/** Step 5: open and click tracking. */
export function TrackingStep(props: StepProps) {
	return (
		<section class="card stack form-step" aria-labelledby="step-tracking">
			<h2 class="card-title step-title" id="step-tracking">
				<span class="step-number">5</span> Tracking
			</h2>
			<label class="toggle">
				<input
					type="checkbox"
					checked={props.draft().track_opens}
					onChange={(e) => props.set("track_opens", e.currentTarget.checked)}
				/>
				<span>
					<strong>Track opens</strong>
					<span class="muted small"> A tiny image counts opens (Apple's privacy prefetches are kept apart).</span>
				</span>
			</label>
			<label class="toggle">
				<input
					type="checkbox"
					checked={props.draft().track_clicks}
					onChange={(e) => props.set("track_clicks", e.currentTarget.checked)}
				/>
				<span>
					<strong>Track clicks</strong>
					<span class="muted small"> Links go through a signed redirect that counts the click.</span>
				</span>
			</label>
			<Show when={props.field("settings")}>
				<p class="field-error">{props.field("settings")}</p>
			</Show>
		</section>
	);
}

/** Step 6: now, or at a time. */
export function DeliveryStep(props: StepProps) {
	return (
		<section class="card stack form-step" aria-labelledby="step-delivery">
			<h2 class="card-title step-title" id="step-delivery">
				<span class="step-number">6</span> Delivery
			</h2>
			<div class="choices" role="radiogroup" aria-labelledby="step-delivery">
				<label class="choice" classList={{ selected: props.draft().delivery === "now" }}>
					<input
						type="radio"
						name="delivery"
						value="now"
						checked={props.draft().delivery === "now"}
						onChange={() => props.set("delivery", "now")}
					/>
					<span class="choice-text">
						<strong>Send now</strong>
						<span class="muted small">It starts as soon as you confirm.</span>
					</span>
				</label>
				<label class="choice" classList={{ selected: props.draft().delivery === "schedule" }}>
					<input
						type="radio"
						name="delivery"
						value="schedule"
						checked={props.draft().delivery === "schedule"}
						onChange={() => props.set("delivery", "schedule")}
					/>
					<span class="choice-text">
						<strong>Schedule</strong>
						<span class="muted small">Pick a date and time; you can still edit or cancel it until then.</span>
					</span>
				</label>
			</div>
			<Show when={props.draft().delivery === "schedule"}>
				<TextField
					label="Send at"
					name="send_at"
					type="datetime-local"
					value={props.draft().send_at}
					onInput={props.text("send_at")}
					error={props.field("schedule")}
					hint={`Your local time (${Intl.DateTimeFormat().resolvedOptions().timeZone}).`}
				/>
			</Show>
		</section>
	);
}
