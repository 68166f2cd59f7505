import type { LiveState } from "./numbers";

const LIVE_TEXT: Record<LiveState, string> = {
	live: "Live",
	connecting: "Connecting…",
	reconnecting: "Reconnecting…",
	polling: "Reconnecting… (refreshing every few seconds)",
};

/** "Live" while the socket is open; otherwise says how the numbers are kept fresh. */
export function LiveIndicator(props: { state: LiveState }) {
	const text = () => LIVE_TEXT[props.state];
	return (
		<span
			class={`live-indicator live-${props.state} small`}
			data-testid="live-indicator"
			data-state={props.state}
			role="status"
			title={props.state === "live" ? "Numbers update as they change" : undefined}
		>
			{text()}
		</span>
	);
}
