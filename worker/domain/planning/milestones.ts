/** A campaign's planning milestones, derived from its send date (pure: no storage, no clock). */
import { MILESTONE_KEYS, type MILESTONE_STATES, type MilestoneKey } from "../../contracts/planning";

export type { MilestoneKey };

const HOUR = 3_600_000;

/** Each milestone and how long before the send it falls, when the campaign was planned far enough ahead. */
export const MILESTONES: readonly { key: MilestoneKey; name: string; hoursBefore: number }[] = [
	{ key: "content_due", name: "Content due", hoursBefore: 72 },
	{ key: "review_due", name: "Review due", hoursBefore: 48 },
	{ key: "test_send", name: "Test send", hoursBefore: 24 },
	{ key: "send", name: "Send", hoursBefore: 0 },
];
/** The furthest any milestone falls before the send. */
export const LONGEST_LEAD_MS = 72 * HOUR;

export const milestoneName = (key: MilestoneKey) => MILESTONES.find((m) => m.key === key)?.name ?? key;

/**
 * When each milestone falls. With at least three days between the campaign's creation and its send, content is
 * due 3 days before, review 2 days, the test send 1 day, then the send itself. Planned at shorter notice, the
 * same steps are squeezed in proportion into the time there is, so none falls before the campaign existed.
 * Without a send date there are no dates yet (`at` null). A moved schedule moves every milestone with it.
 */
export function milestoneDates(
	sendAt: Date | null,
	createdAt: Date,
): { key: MilestoneKey; name: string; at: Date | null }[] {
	if (!sendAt) return MILESTONES.map((m) => ({ key: m.key, name: m.name, at: null }));
	const lead = Math.max(0, sendAt.getTime() - createdAt.getTime());
	const scale = Math.min(1, lead / LONGEST_LEAD_MS);
	return MILESTONES.map((m) => ({
		key: m.key,
		name: m.name,
		at: new Date(sendAt.getTime() - Math.round(m.hoursBefore * HOUR * scale)),
	}));
}

/** A task's due date: its own, or else its milestone's (so it follows the schedule). */
export function taskDueAt(
	task: { dueAt: Date | null; milestone: MilestoneKey },
	sendAt: Date | null,
	createdAt: Date,
): Date | null {
	if (task.dueAt) return task.dueAt;
	return milestoneDates(sendAt, createdAt).find((m) => m.key === task.milestone)?.at ?? null;
}

export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * Where a milestone stands: the send is done once the campaign has started; any milestone is done when every
 * one of its tasks is done, overdue when its date passed with a task still open, passed when its date went by
 * with no tasks, otherwise upcoming (or unscheduled without a date).
 */
export function milestoneState(input: {
	key: MilestoneKey;
	at: Date | null;
	tasks: { done: boolean }[];
	started: boolean;
	now: Date;
}): MilestoneState {
	if (input.key === "send" && input.started) return "done";
	if (input.tasks.length > 0 && input.tasks.every((t) => t.done)) return "done";
	if (!input.at) return "unscheduled";
	if (input.at.getTime() > input.now.getTime()) return "upcoming";
	return input.tasks.length > 0 ? "overdue" : "passed";
}

export const isMilestoneKey = (value: string): value is MilestoneKey =>
	(MILESTONE_KEYS as readonly string[]).includes(value);
