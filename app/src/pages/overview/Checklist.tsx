import { For, Show } from "solid-js";
import { LinkButton } from "../../components/LinkButton";
import type { ChecklistItem } from "../../lib/api";

/** What each step is for and its button; the steps themselves (and whether they are done) come from the API. */
const DETAILS: Record<ChecklistItem["key"], { text: string; cta: string }> = {
	postal_address: { text: "Every marketing email carries it in the footer, as the law requires.", cta: "Add address" },
	sender: { text: "The name and address your campaigns come from.", cta: "Set sender" },
	domain: { text: "Verify a domain so your emails are delivered, not filtered.", cta: "Add a domain" },
	contacts: { text: "Bring your list from a CSV file, or add people one by one.", cta: "Import a list" },
	template: { text: "Start from a ready design or write your own HTML.", cta: "Write a template" },
	campaign_sent: { text: "Pick an audience and a template, then send or schedule.", cta: "New campaign" },
	team: { text: "Editors write and send campaigns; viewers follow the results.", cta: "Invite people" },
	app: { text: "Create an API key to sync contacts and events from your product.", cta: "Create an API key" },
};

/** The getting-started checklist, ticked from what the workspace really holds. */
export function SetupChecklist(props: { items: ChecklistItem[] }) {
	const done = () => props.items.filter((s) => s.done).length;
	return (
		<section class="card" aria-labelledby="get-started">
			<div class="card-head">
				<h2 class="card-title" id="get-started">
					Get started
				</h2>
				<span class="muted small" data-testid="checklist-progress">
					{done()} of {props.items.length} done
				</span>
			</div>
			<ol class="steps" data-testid="checklist">
				<For each={props.items}>
					{(step) => (
						<li class="step" classList={{ done: step.done }} data-step={step.key} data-done={String(step.done)}>
							<span class="step-mark" aria-hidden="true">
								{step.done ? "✓" : ""}
							</span>
							<div class="step-text">
								<strong>{step.label}</strong>
								<span class="muted">{step.done ? "Done." : DETAILS[step.key].text}</span>
							</div>
							<Show when={!step.done}>
								<LinkButton href={step.href} size="sm">
									{DETAILS[step.key].cta}
								</LinkButton>
							</Show>
						</li>
					)}
				</For>
			</ol>
		</section>
	);
}
