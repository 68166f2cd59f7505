import { describe, expect, it } from "vitest";
import { CAMPAIGN_STATUSES, type CampaignStatus } from "../../contracts/campaigns";
import { type CampaignEvent, transition } from "./machine";

const NOW = 1_000_000;
const EVENTS: CampaignEvent[] = [
	{ type: "schedule", sendAt: NOW + 60_000, now: NOW },
	{ type: "unschedule" },
	{ type: "send" },
	{ type: "start" },
	{ type: "pause" },
	{ type: "resume" },
	{ type: "cancel" },
	{ type: "complete" },
	{ type: "edit" },
];

// The whole table: every state × every event, and where it leads (or null when refused).
const EXPECTED: Record<CampaignStatus, Record<CampaignEvent["type"], CampaignStatus | null>> = {
	draft: {
		schedule: "scheduled",
		unschedule: null,
		send: "sending",
		start: null,
		pause: null,
		resume: null,
		cancel: "cancelled",
		complete: null,
		edit: "draft",
	},
	scheduled: {
		schedule: "scheduled",
		unschedule: "draft",
		send: "sending",
		start: "sending",
		pause: null,
		resume: null,
		cancel: "cancelled",
		complete: null,
		edit: "scheduled",
	},
	sending: {
		schedule: null,
		unschedule: null,
		send: null,
		start: null,
		pause: "paused",
		resume: null,
		cancel: "cancelled",
		complete: "completed",
		edit: null,
	},
	paused: {
		schedule: null,
		unschedule: null,
		send: null,
		start: null,
		pause: null,
		resume: "sending",
		cancel: "cancelled",
		complete: null,
		edit: null,
	},
	completed: {
		schedule: null,
		unschedule: null,
		send: null,
		start: null,
		pause: null,
		resume: null,
		cancel: null,
		complete: null,
		edit: null,
	},
	cancelled: {
		schedule: null,
		unschedule: null,
		send: null,
		start: null,
		pause: null,
		resume: null,
		cancel: null,
		complete: null,
		edit: null,
	},
};

describe("campaign lifecycle", () => {
	for (const status of CAMPAIGN_STATUSES) {
		for (const event of EVENTS) {
			const expected = EXPECTED[status][event.type];
			it(`${status} + ${event.type} → ${expected ?? "refused"}`, () => {
				const result = transition(status, event);
				if (expected) expect(result).toEqual({ ok: true, status: expected });
				else expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(status) });
			});
		}
	}

	it("refuses a send time in the past", () => {
		expect(transition("draft", { type: "schedule", sendAt: NOW - 1, now: NOW })).toEqual({
			ok: false,
			reason: "The send time must be in the future",
		});
	});
});
