import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/Button";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import {
	ApiError,
	getNotificationPreferences,
	getNotificationSettings,
	messageOf,
	saveNotificationPreferences,
	saveNotificationSettings,
} from "../../lib/api";

const KIND_LABELS: Record<string, string> = {
	review_requested: "A review waits for me",
	review_decided: "My review request was decided",
	review_overdue: "A review is overdue",
	mentioned: "Someone mentions me",
	campaign_started: "A campaign starts sending",
	campaign_completed: "A campaign finishes",
	campaign_failed: "A campaign fails",
	import_finished: "My import finishes",
	journey_error: "A journey has errors",
	dead_letters: "Messages land in the dead-letter queue",
	provider_errors: "The email provider errors or refuses",
	alert: "An alert rule fires",
	task_overdue: "A task assigned to me is overdue",
};
const CHANNELS = [
	{ value: "in_app", label: "In the app" },
	{ value: "email", label: "In the app and by email" },
	{ value: "off", label: "Off" },
];

/** The member's own channels per kind (and the daily digest); admins also set the workspace's Slack webhook. */
export function NotificationSettingsCard(props: { isAdmin: boolean }) {
	const [prefs, { mutate }] = createResource(getNotificationPreferences);
	const [settings] = createResource(
		() => props.isAdmin,
		(admin) => (admin ? getNotificationSettings() : undefined),
	);
	const [slack, setSlack] = createSignal<string>();
	const [slackError, setSlackError] = createSignal<string>();
	const save = async (change: Parameters<typeof saveNotificationPreferences>[0]) => {
		try {
			mutate(await saveNotificationPreferences(change));
			toast.success("Saved");
		} catch (e) {
			toast.error(messageOf(e));
		}
	};
	const saveSlack = async (e: Event) => {
		e.preventDefault();
		setSlackError(undefined);
		try {
			await saveNotificationSettings((slack() ?? settings()?.slack_webhook_url ?? "") || null);
			toast.success("Slack webhook saved");
		} catch (err) {
			setSlackError(err instanceof ApiError ? (err.field("slack_webhook_url") ?? err.message) : messageOf(err));
		}
	};
	return (
		<section class="card stack" aria-labelledby="notify-title">
			<h2 id="notify-title" class="card-title">
				My notifications
			</h2>
			<Show when={prefs()}>
				{(p) => (
					<div class="stack">
						<For each={Object.keys(KIND_LABELS)}>
							{(kind) => (
								<SelectField
									label={KIND_LABELS[kind] ?? kind}
									name={`kind-${kind}`}
									options={CHANNELS}
									value={(p().kinds as Record<string, string>)[kind] ?? "in_app"}
									onChange={(e) => void save({ kinds: { [kind]: e.currentTarget.value } })}
								/>
							)}
						</For>
						<label class="row" style={{ gap: "6px" }}>
							<input
								type="checkbox"
								checked={p().daily_digest}
								onChange={(e) => void save({ daily_digest: e.currentTarget.checked })}
							/>
							Send my emails as one daily digest
						</label>
					</div>
				)}
			</Show>
			<Show when={props.isAdmin && settings.state === "ready"}>
				<form class="stack" onSubmit={saveSlack}>
					<TextField
						label="Slack incoming webhook (the whole workspace)"
						name="slack_webhook_url"
						placeholder="https://hooks.slack.com/services/…"
						hint="Team notifications are posted to this channel; empty to stop"
						value={slack() ?? settings()?.slack_webhook_url ?? ""}
						error={slackError()}
						onInput={(e) => setSlack(e.currentTarget.value)}
					/>
					<div>
						<Button type="submit">Save webhook</Button>
					</div>
				</form>
			</Show>
		</section>
	);
}
