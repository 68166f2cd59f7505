import type { CampaignStats, CampaignStatus, Engagement, MESSAGE_STATUSES } from "../contracts/campaigns";
import {
	campaignMessagePage,
	campaignResults,
	loadCampaignStats,
	loadReportTimeline,
	type MessageFilter,
} from "../db/campaign-stats";
import { findCampaignRow } from "../db/campaigns";
import { createDb } from "../db/client";
import { csvLine } from "../domain/reports/csv";
import { ApiError, notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";

/**
 * Whether the provider reports deliveries: Resend with its webhook secret configured. The capture outbox never
 * does, so a workspace without a provider sees "not reported" instead of a delivered count stuck at 0.
 */
export const providerReportsDelivery = (env: Pick<Env, "RESEND_API_KEY" | "RESEND_WEBHOOK_SECRET">) =>
	Boolean(env.RESEND_API_KEY && env.RESEND_WEBHOOK_SECRET);

/** A campaign's numbers, from D1 (the source of truth); see `loadCampaignStats`. */
export async function campaignStats(
	d1: D1Database,
	campaignId: string,
	status: CampaignStatus,
	options: { providerReportsDelivery?: boolean } = {},
): Promise<CampaignStats> {
	return loadCampaignStats(createDb(d1), campaignId, status, options);
}

/** The opens-and-clicks chart of a campaign: minute, hour or day buckets by the span of its engagement. */
export const reportTimeline = (d1: D1Database, campaignId: string) => loadReportTimeline(createDb(d1), campaignId);

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

type MessagesQuery = { limit: number; cursor?: string; status?: string; engagement?: Engagement; q?: string };

/** The per-recipient log, in send order, filtered by status, engagement and part of the address. */
export async function campaignMessages(d1: D1Database, campaignId: string, query: MessagesQuery) {
	const rows = await campaignMessagePage(createDb(d1), campaignId, {
		after: startAfter(query, "asc"),
		limit: query.limit,
		status: query.status,
		engagement: query.engagement,
		q: query.q,
	});
	return pageOf(rows, query, (r) => ({
		...r,
		id: undefined,
		status: r.status as (typeof MESSAGE_STATUSES)[number],
		sent_at: iso(r.sent_at),
		opened_at: iso(r.opened_at),
		clicked_at: iso(r.clicked_at),
		scheduled_for: iso(r.scheduled_for),
	}));
}

const CSV_PAGE = 500;
const CSV_HEADER = ["email", "contact_id", "status", "attempts", "last_error", "sent_at", "opened_at", "clicked_at"];

/**
 * The whole recipient log (with the same filters) as CSV, read a page at a time while it streams out, so a
 * campaign of any size never sits in memory. Cells that a spreadsheet would run as a formula are made text.
 */
export function campaignMessagesCsv(d1: D1Database, campaignId: string, filter: MessageFilter): ReadableStream {
	const encoder = new TextEncoder();
	const db = createDb(d1);
	let after = "";
	let done = false;
	return new ReadableStream({
		start(controller) {
			controller.enqueue(encoder.encode(csvLine(CSV_HEADER)));
		},
		async pull(controller) {
			if (done) return;
			const rows = await campaignMessagePage(db, campaignId, { ...filter, after, limit: CSV_PAGE });
			const shown = rows.slice(0, CSV_PAGE);
			const text = shown
				.map((r) =>
					csvLine([
						r.email,
						r.contact_id,
						r.status,
						r.attempts,
						r.last_error,
						iso(r.sent_at),
						iso(r.opened_at),
						iso(r.clicked_at),
					]),
				)
				.join("");
			if (text) controller.enqueue(encoder.encode(text));
			after = shown.at(-1)?.id ?? after;
			if (rows.length <= CSV_PAGE) {
				done = true;
				controller.close();
			}
		},
	});
}

/** Adds each campaign's headline results (sent, opened, clicked) to a page of the list, in one query. */
export async function withResults<T extends { id: string }>(
	d1: D1Database,
	page: { data: T[]; next_cursor: string | null },
) {
	const rows = await campaignResults(
		createDb(d1),
		page.data.map((c) => c.id),
	);
	const byId = new Map(rows.map((r) => [r.campaignId, { sent: r.sent, opened: r.opened, clicked: r.clicked }]));
	return {
		...page,
		data: page.data.map((c) => ({ ...c, results: byId.get(c.id) ?? { sent: 0, opened: 0, clicked: 0 } })),
	};
}

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 5;

/** 2 to 5 campaigns of the workspace side by side (422 outside that, 404 for one not in the workspace). */
export async function compareCampaigns(env: Env, workspaceId: string, idList: string) {
	const ids = [...new Set(idList.split(",").map((id) => id.trim()))].filter(Boolean);
	if (ids.length < COMPARE_MIN || ids.length > COMPARE_MAX) {
		const message = `Compare ${COMPARE_MIN} to ${COMPARE_MAX} different campaigns (got ${ids.length})`;
		throw new ApiError("unprocessable", message, [{ path: "ids", message }]);
	}
	const db = createDb(env.DB);
	const rows = await Promise.all(ids.map((id) => findCampaignRow(db, workspaceId, id)));
	const options = { providerReportsDelivery: providerReportsDelivery(env) };
	return {
		data: await Promise.all(
			rows.map(async (row) => {
				if (!row) throw notFound("Campaign");
				const { links: _l, timeline: _t, ...stats } = await loadCampaignStats(db, row.id, row.status, options);
				return { id: row.id, name: row.name, status: row.status, started_at: iso(row.startedAt), stats };
			}),
		),
	};
}
