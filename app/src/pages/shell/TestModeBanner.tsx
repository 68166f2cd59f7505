import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { useMe } from "../../lib/session";
import { providerStatus } from "./provider-status";

/** Shown to every member while no email provider is connected: nothing leaves the machine. */
export function TestModeBanner() {
	const me = useMe();
	const status = () => providerStatus(me().workspace.id);
	return (
		<Show when={status()?.connected === false}>
			<div class="test-mode-banner" role="status" data-testid="test-mode-banner">
				<strong>Test mode: emails go to the Outbox.</strong> Nothing is delivered to real inboxes until an email
				provider is connected. <A href="/settings/sending-domains">Set up sending</A>
			</div>
		</Show>
	);
}
