import { Icon } from "../../components/Icon";
import { LinkButton } from "../../components/LinkButton";

/** Opens the assistant with a message about what is on screen, ready to send (the user still presses Send). */
export function AskAssistant(props: { prompt: string }) {
	return (
		<LinkButton href={`/assistant?prompt=${encodeURIComponent(props.prompt)}`} variant="ghost">
			<Icon name="assistant" /> Ask the assistant
		</LinkButton>
	);
}
