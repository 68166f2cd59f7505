import type { z } from "@hono/zod-openapi";
import type { Principal } from "../context";
import type {
	CampaignConversions,
	ConversionGoal,
	ConversionGoalInputSchema,
	ConversionSummary,
} from "../contracts/conversions";
import { createDb, type Db } from "../db/client";
import {
	CONVERSIONS_READ_LIMIT,
	type ConversionGoalRow,
	campaignGoalEvents,
	campaignNames,
	campaignRecipients,
	deleteGoal,
	type GoalEvent,
	goalEventsSince,
	goalOf,
	saveGoal,
	touchesOf,
} from "../db/conversions";
import { type AttributionModel, attribute, revenueOf, round2, type Touch } from "../domain/conversions/attribution";
import { notFound } from "../errors";
import { recordAudit } from "./audit";
import { findCampaign } from "./campaigns";

const DAY_MS = 86_400_000;
/** Contact ids per touches query (one JSON parameter each). */
const CONTACTS_PER_READ = 1_000;

const present = (row: ConversionGoalRow): ConversionGoal => ({
	event: row.event,
	revenue_property: row.revenueProperty,
	window_days: row.windowDays,
	model: row.model,
	touch: row.touch,
	updated_at: row.updatedAt.toISOString(),
});

export async function getGoal(d1: D1Database, workspaceId: string) {
	const row = await goalOf(createDb(d1), workspaceId);
	return { goal: row ? present(row) : null };
}

export async function putGoal(
	d1: D1Database,
	audit: { actor: Principal; ip: string | null },
	input: z.output<typeof ConversionGoalInputSchema>,
) {
	const db = createDb(d1);
	const { workspaceId } = audit.actor;
	const row = await saveGoal(db, workspaceId, {
		event: input.event,
		revenueProperty: input.revenue_property,
		windowDays: input.window_days,
		model: input.model,
		touch: input.touch,
	});
	await recordAudit(db, { ...audit, workspaceId, action: "conversion_goal.update", metadata: { ...input } });
	return { goal: present(row) };
}

export async function removeGoal(d1: D1Database, audit: { actor: Principal; ip: string | null }) {
	const db = createDb(d1);
	const { workspaceId } = audit.actor;
	if (!(await deleteGoal(db, workspaceId))) throw notFound("Conversion goal");
	await recordAudit(db, { ...audit, workspaceId, action: "conversion_goal.delete" });
}

/** Credits goal events to the campaign emails their contacts touched in the window before each. */
async function credit(
	db: Db,
	workspaceId: string,
	goal: ConversionGoalRow,
	found: GoalEvent[],
	model: AttributionModel,
) {
	const windowMs = goal.windowDays * DAY_MS;
	const contactIds = [...new Set(found.map((e) => e.contactId))];
	const earliest = Math.min(...found.map((e) => e.at));
	const since = new Date((Number.isFinite(earliest) ? earliest : Date.now()) - windowMs);
	const touches: Touch[] = [];
	for (let i = 0; i < contactIds.length; i += CONTACTS_PER_READ) {
		touches.push(...(await touchesOf(db, workspaceId, contactIds.slice(i, i + CONTACTS_PER_READ), since, goal.touch)));
	}
	const conversions = found.map((e) => ({ contactId: e.contactId, at: e.at, revenue: revenueOf(e.revenue) }));
	return attribute(conversions, touches, { windowMs, model });
}

export async function campaignConversions(
	d1: D1Database,
	workspaceId: string,
	campaignId: string,
	model?: AttributionModel,
): Promise<CampaignConversions> {
	const db = createDb(d1);
	await findCampaign(d1, workspaceId, campaignId);
	const [goal, recipients] = await Promise.all([goalOf(db, workspaceId), campaignRecipients(db, campaignId)]);
	const empty = { recipients, conversions: 0, revenue: 0, converters: 0, conversion_rate: 0, revenue_per_recipient: 0 };
	if (!goal) return { goal: null, model: null, ...empty, truncated: false };
	const chosen = model ?? goal.model;
	const found = await campaignGoalEvents(db, workspaceId, campaignId, goal);
	const mine = (await credit(db, workspaceId, goal, found, chosen)).get(campaignId);
	const base = { goal: present(goal), model: chosen, truncated: found.length >= CONVERSIONS_READ_LIMIT };
	if (!mine) return { ...base, ...empty };
	return {
		...base,
		recipients,
		conversions: round2(mine.conversions),
		revenue: round2(mine.revenue),
		converters: mine.contacts.size,
		conversion_rate: recipients ? mine.contacts.size / recipients : 0,
		revenue_per_recipient: recipients ? round2(mine.revenue / recipients) : 0,
	};
}

/** What email earned in the last `days` days: every campaign's credited conversions and revenue. */
export async function conversionSummary(
	d1: D1Database,
	workspaceId: string,
	days: number,
	model?: AttributionModel,
	now = Date.now(),
): Promise<ConversionSummary> {
	const db = createDb(d1);
	const since = new Date(now - days * DAY_MS);
	const goal = await goalOf(db, workspaceId);
	const base = { days, since: since.toISOString(), conversions: 0, revenue: 0, by_campaign: [], truncated: false };
	if (!goal) return { goal: null, model: null, ...base };
	const chosen = model ?? goal.model;
	const found = await goalEventsSince(db, workspaceId, goal, since);
	const credits = await credit(db, workspaceId, goal, found, chosen);
	const names = await campaignNames(db, workspaceId, [...credits.keys()]);
	const byCampaign = [...credits]
		.map(([id, c]) => ({
			campaign_id: id,
			name: names.get(id) ?? "Deleted campaign",
			conversions: round2(c.conversions),
			revenue: round2(c.revenue),
		}))
		.sort((a, b) => b.revenue - a.revenue || b.conversions - a.conversions);
	return {
		...base,
		goal: present(goal),
		model: chosen,
		conversions: round2(byCampaign.reduce((sum, c) => sum + c.conversions, 0)),
		revenue: round2(byCampaign.reduce((sum, c) => sum + c.revenue, 0)),
		by_campaign: byCampaign,
		truncated: found.length >= CONVERSIONS_READ_LIMIT,
	};
}
