import { OVERVIEW_DAYS, type Overview } from "../contracts/overview";
import { createDb } from "../db/client";
import { readOverview } from "../db/overview";
import { dailyGrowth, rate, setupChecklist, windowStart } from "../domain/overview/overview";

/**
 * The workspace at a glance: audience and its growth, the last 30 days' sends and engagement, the
 * campaigns under way, and a getting-started checklist read from what the workspace really holds.
 * `withDomains`: whether sending domains apply (a real provider is configured).
 */
export async function workspaceOverview(
	d1: D1Database,
	workspaceId: string,
	options: { withDomains: boolean; now?: number },
): Promise<Overview> {
	const now = options.now ?? Date.now();
	const since = windowStart(now, OVERVIEW_DAYS);
	const read = await readOverview(createDb(d1), workspaceId, since, now);
	const growth = dailyGrowth(read.growth, now, OVERVIEW_DAYS);
	const facts = read.facts;
	return {
		audience: {
			total: read.totals.total,
			subscribed: Number(read.totals.subscribed),
			added_30d: growth.reduce((sum, d) => sum + d.added, 0),
			growth,
		},
		sends_30d: read.sends.sent,
		open_rate_30d: rate(read.sends.opened, read.sends.sent),
		click_rate_30d: rate(read.sends.clicked, read.sends.sent),
		live_campaigns: read.live.map((c) => ({
			id: c.id,
			name: c.name,
			status: c.status,
			send_at: c.sendAt ? c.sendAt.toISOString() : null,
			started_at: c.startedAt ? c.startedAt.toISOString() : null,
		})),
		checklist: setupChecklist({
			postalAddress: (read.workspace?.postalAddress ?? "").trim() !== "",
			sender: (read.workspace?.defaultFromEmail ?? "") !== "",
			contacts: read.totals.total > 0,
			template: facts?.template === 1,
			campaignSent: facts?.campaignSent === 1,
			team: (facts?.members ?? 0) > 1 || facts?.invited === 1,
			app: facts?.apiKey === 1 || facts?.events === 1,
			domain: options.withDomains ? facts?.domain === 1 : null,
		}),
	};
}
