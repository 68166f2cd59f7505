import { createSignal, For, Show } from "solid-js";
import { WEBHOOK_EVENT_TYPES } from "../../../../../worker/contracts/webhook-endpoints";
import { FormDialog } from "../../../components/FormDialog";
import { TextField } from "../../../components/TextField";
import { createWebhookEndpoint } from "../../../lib/api";
import { createSubmission } from "../../../lib/form";

/** What each event means, as the picker shows it. */
export const EVENT_LABELS: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
	"contact.created": "A contact is added",
	"contact.updated": "A contact is changed",
	"contact.unsubscribed": "A contact unsubscribes",
	"email.sent": "An email is handed to the provider",
	"email.delivered": "An email is delivered",
	"email.opened": "An email is opened (machine opens flagged)",
	"email.clicked": "A link is clicked (bot clicks flagged)",
	"email.bounced": "An email bounces",
	"email.complained": "A recipient marks an email as spam",
	"campaign.status_changed": "A campaign is scheduled, starts, pauses, completes or is cancelled",
	"journey.enrolled": "A contact enters a journey",
	"journey.exited": "A contact leaves a journey",
	"import.completed": "A CSV import finishes",
	"approval.decided": "A review is decided",
};

type Created = Awaited<ReturnType<typeof createWebhookEndpoint>>;

/** Adds an endpoint: its URL and the events it receives. The secret comes back once, in `onCreated`. */
export function AddEndpointDialog(props: { open: boolean; onClose: () => void; onCreated: (e: Created) => void }) {
	const [url, setUrl] = createSignal("");
	const [events, setEvents] = createSignal<string[]>(["email.clicked", "contact.unsubscribed"]);
	const toggle = (type: string, on: boolean) =>
		setEvents((list) => (on ? [...list, type] : list.filter((t) => t !== type)));
	const form = createSubmission(async () => {
		const created = await createWebhookEndpoint({ url: url(), events: events(), enabled: true });
		setUrl("");
		props.onCreated(created);
	}, ["url", "events"]);
	return (
		<FormDialog
			open={props.open}
			title="Add a webhook endpoint"
			description="Pulse POSTs each chosen event to this URL, signed per Standard Webhooks."
			submitLabel="Add endpoint"
			form={form}
			alert={form.field("url") || form.field("events") ? undefined : form.formError()}
			onClose={props.onClose}
		>
			<TextField
				label="Endpoint URL"
				name="url"
				type="url"
				placeholder="https://example.com/webhooks/pulse"
				hint="https only; never a private or internal address"
				autofocus
				required
				value={url()}
				onInput={(e) => setUrl(e.currentTarget.value)}
				error={form.field("url")}
			/>
			<fieldset class="stack">
				<legend>Events</legend>
				<For each={WEBHOOK_EVENT_TYPES}>
					{(type) => (
						<label class="toggle">
							<input
								type="checkbox"
								name="events"
								value={type}
								checked={events().includes(type)}
								onChange={(e) => toggle(type, e.currentTarget.checked)}
							/>
							<span>
								<code class="mono">{type}</code> <span class="muted small">{EVENT_LABELS[type]}</span>
							</span>
						</label>
					)}
				</For>
				<Show when={form.field("events")}>
					<p class="field-error" data-field-error>
						{form.field("events")}
					</p>
				</Show>
			</fieldset>
		</FormDialog>
	);
}
