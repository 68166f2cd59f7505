import { Badge, type BadgeTone } from "../../components/Badge";
import type { CampaignStats, CampaignStatus, MessageStatus } from "../../lib/types";

const TONES: Record<CampaignStatus, BadgeTone> = {
	draft: "neutral",
	scheduled: "accent",
	sending: "accent",
	paused: "warning",
	completed: "success",
	cancelled: "danger",
};

/** A campaign's lifecycle state. */
export function CampaignStatusBadge(props: { status: CampaignStatus }) {
	return (
		<span data-testid="campaign-status">
			<Badge tone={TONES[props.status]}>{props.status}</Badge>
		</span>
	);
}

const MESSAGE_TONES: Record<MessageStatus, BadgeTone> = {
	queued: "neutral",
	sent: "success",
	delivered: "success",
	bounced: "warning",
	complained: "danger",
	failed: "danger",
	suppressed: "warning",
	cancelled: "neutral",
	capped: "warning",
};

/** One recipient's delivery state. */
export function MessageStatusBadge(props: { status: MessageStatus }) {
	return <Badge tone={MESSAGE_TONES[props.status]}>{props.status}</Badge>;
}

/** Only drafts and scheduled campaigns can be edited (the API answers 409 afterwards). */
export const isEditable = (status: CampaignStatus) => status === "draft" || status === "scheduled";

/**
 * Recipients whose message is settled: everything but `queued`. `sent` already counts what was since delivered,
 * bounced or complained of, so audience = queued + sent + failed + suppressed + capped + cancelled.
 */
export const processedOf = (s: CampaignStats) => s.sent + s.failed + s.suppressed + (s.capped ?? 0) + s.cancelled;

/** "Ada <news@example.com>", or just the address. */
export const senderOf = (c: { from_name: string; from_email: string }) =>
	c.from_name ? `${c.from_name} <${c.from_email}>` : c.from_email;

/** A `datetime-local` value (local time, minutes) for an ISO instant. */
export function toLocalInput(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return "";
	const pad = (n: number) => String(n).padStart(2, "0");
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant of a `datetime-local` value (read in the browser's time zone), or undefined if it is not one. */
export function fromLocalInput(value: string): string | undefined {
	if (!value) return undefined;
	const d = new Date(value);
	return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
