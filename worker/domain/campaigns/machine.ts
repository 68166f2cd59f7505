import type { CampaignCommand } from "../../contracts/campaign-commands";
import type { CampaignStatus } from "../../contracts/campaigns";

export type CampaignEvent =
	| { type: "schedule"; sendAt: number; now: number }
	| { type: "unschedule" }
	| { type: "send" }
	| { type: "start" }
	| { type: "pause" }
	| { type: "resume" }
	| { type: "cancel" }
	| { type: "complete" }
	| { type: "edit" };

export type Transition = { ok: true; status: CampaignStatus } | { ok: false; reason: string };

const refuse = (status: CampaignStatus, event: CampaignEvent): Transition => ({
	ok: false,
	reason: `A ${status} campaign cannot ${event.type === "start" ? "start" : event.type}`,
});

/**
 * The campaign lifecycle: draft → scheduled → sending → completed, sending ⇄ paused, and
 * cancelled from any state before completed. `start` is the schedule's alarm firing;
 * `complete` is the fan-out finishing with every chunk settled; `edit` is allowed only
 * before sending begins.
 */
export function transition(status: CampaignStatus, event: CampaignEvent): Transition {
	switch (event.type) {
		case "schedule":
			if (status !== "draft" && status !== "scheduled") return refuse(status, event);
			if (event.sendAt <= event.now) return { ok: false, reason: "The send time must be in the future" };
			return { ok: true, status: "scheduled" };
		case "unschedule":
			return status === "scheduled" ? { ok: true, status: "draft" } : refuse(status, event);
		case "send":
			return status === "draft" || status === "scheduled" ? { ok: true, status: "sending" } : refuse(status, event);
		case "start":
			return status === "scheduled" ? { ok: true, status: "sending" } : refuse(status, event);
		case "pause":
			return status === "sending" ? { ok: true, status: "paused" } : refuse(status, event);
		case "resume":
			return status === "paused" ? { ok: true, status: "sending" } : refuse(status, event);
		case "cancel":
			return status === "completed" || status === "cancelled"
				? refuse(status, event)
				: { ok: true, status: "cancelled" };
		case "complete":
			return status === "sending" ? { ok: true, status: "completed" } : refuse(status, event);
		case "edit":
			return status === "draft" || status === "scheduled" ? { ok: true, status } : refuse(status, event);
	}
}

/** The machine's event for a person's lifecycle command at `now` (a schedule carries its time, checked against now). */
export const commandEvent = (command: CampaignCommand, now: number): CampaignEvent =>
	command.type === "schedule" ? { type: "schedule", sendAt: command.sendAt, now } : command;
