import { A } from "@solidjs/router";
import { Icon } from "../../components/Icon";

/** Opens the assistant with a message about what is on screen, ready to send (the user still presses Send). */
export function AskAssistant(props: { prompt: string }) {
	return (
		<A href={`/assistant?prompt=${encodeURIComponent(props.prompt)}`} class="btn btn-ghost btn-md">
			<Icon name="assistant" /> Ask the assistant
		</A>
	);
}
