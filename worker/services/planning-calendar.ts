import type { CalendarItem } from "../contracts/planning";
import { createDb } from "../db/client";
import { campaignsOnCalendar, journeysOnCalendar } from "../db/planning";
import { tasksOfCampaigns } from "../db/planning-tasks";
import { LONGEST_LEAD_MS, milestoneDates, milestoneState } from "../domain/planning/milestones";
import { ApiError } from "../errors";

const MAX_RANGE_MS = 100 * 86_400_000;
/** Items of each kind in one answer (a busy month of a large team is far below). */
const LIMIT = 1000;

/**
 * What happens in `[from, to)` across the workspace: campaigns sent or scheduled (at their start, or their
 * send date), journeys activated, and the milestones before each send (content due, review due, test send).
 */
export async function calendar(
	d1: D1Database,
	workspaceId: string,
	range: { from: string; to: string },
	now = new Date(),
) {
	const from = new Date(range.from);
	const to = new Date(range.to);
	const span = to.getTime() - from.getTime();
	if (span <= 0 || span > MAX_RANGE_MS)
		throw new ApiError("validation_failed", "Choose a range of at most 100 days, `to` after `from`", [
			{ path: "to", message: "At most 100 days after from" },
		]);
	const db = createDb(d1);
	// A campaign sending up to three days after the range can have milestones inside it.
	const [rows, journeys] = await Promise.all([
		campaignsOnCalendar(db, workspaceId, from, new Date(to.getTime() + LONGEST_LEAD_MS), LIMIT),
		journeysOnCalendar(db, workspaceId, from, to, LIMIT),
	]);
	const tasks = await tasksOfCampaigns(
		db,
		workspaceId,
		rows.map((r) => r.id),
	);
	const inRange = (at: Date) => at >= from && at < to;
	const items: CalendarItem[] = [];
	for (const c of rows) {
		const link = `/campaigns/${c.id}`;
		const day = c.startedAt ?? c.sendAt;
		if (day && inRange(day))
			items.push({
				type: "campaign",
				id: c.id,
				name: c.name,
				status: c.status,
				at: day.toISOString(),
				campaign_id: c.id,
				milestone: null,
				link,
			});
		if (c.startedAt || !c.sendAt) continue;
		for (const m of milestoneDates(c.sendAt, c.createdAt)) {
			if (m.key === "send" || !m.at || !inRange(m.at)) continue;
			const own = tasks
				.filter((t) => t.campaignId === c.id && t.milestone === m.key)
				.map((t) => ({ done: t.doneAt !== null }));
			items.push({
				type: "milestone",
				id: `${c.id}:${m.key}`,
				name: `${m.name}: ${c.name}`,
				status: milestoneState({ key: m.key, at: m.at, tasks: own, started: false, now }),
				at: m.at.toISOString(),
				campaign_id: c.id,
				milestone: m.key,
				link,
			});
		}
	}
	for (const j of journeys)
		if (j.activatedAt)
			items.push({
				type: "journey",
				id: j.id,
				name: j.name,
				status: j.status,
				at: j.activatedAt.toISOString(),
				campaign_id: null,
				milestone: null,
				link: `/journeys/${j.id}`,
			});
	items.sort((a, b) => a.at.localeCompare(b.at));
	return { data: items };
}
