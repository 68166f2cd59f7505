import { Badge, type BadgeTone } from "../../components/Badge";
import type { JourneyStatus } from "../../lib/api";

const TONES: Record<JourneyStatus, BadgeTone> = {
	draft: "neutral",
	active: "success",
	paused: "warning",
	archived: "neutral",
};

/** A journey's lifecycle state. */
export function JourneyStatusBadge(props: { status: JourneyStatus }) {
	return (
		<span data-testid="journey-status">
			<Badge tone={TONES[props.status]}>{props.status}</Badge>
		</span>
	);
}
