import type { CampaignStats, CampaignStatus, MESSAGE_STATUSES } from "../contracts/campaigns";
import { campaignMessagePage, loadCampaignStats } from "../db/campaign-stats";
import { createDb } from "../db/client";
import { pageOf, startAfter } from "./pagination";

/** A campaign's numbers, from D1 (the source of truth); see `loadCampaignStats`. */
export async function campaignStats(
	d1: D1Database,
	campaignId: string,
	status: CampaignStatus,
): Promise<CampaignStats> {
	return loadCampaignStats(createDb(d1), campaignId, status);
}

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

/** The per-recipient log, in send order. */
export async function campaignMessages(
	d1: D1Database,
	campaignId: string,
	query: { limit: number; cursor?: string; status?: string },
) {
	const rows = await campaignMessagePage(createDb(d1), campaignId, {
		after: startAfter(query, "asc"),
		limit: query.limit,
		status: query.status,
	});
	return pageOf(rows, query, (r) => ({
		...r,
		id: undefined,
		status: r.status as (typeof MESSAGE_STATUSES)[number],
		sent_at: iso(r.sent_at),
		opened_at: iso(r.opened_at),
		clicked_at: iso(r.clicked_at),
	}));
}
