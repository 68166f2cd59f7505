import type { AbResults } from "../contracts/ab";
import { type AbTestRow, abTestOf, type VariantRow, variantsOf } from "../db/ab";
import { type ArmCounts, armCounts } from "../db/ab-counts";
import { armBuckets } from "../db/ab-series";
import { createDb } from "../db/client";
import type { Decision } from "../domain/ab/decide";
import { abDecision } from "../domain/ab/phase";
import { abSeries, type SeriesPoint, seriesWindow } from "../domain/ab/series";
import { DEFAULT_GOAL_WINDOW } from "../domain/ab/setup";
import { shownWinner } from "../domain/ab/suggestion";
import { parseDuration } from "../domain/journeys/duration";
import { ApiError } from "../errors";
import { providerReportsDelivery } from "./campaign-stats";

const noCounts = (variantId: string): ArmCounts => ({
	variantId,
	sent: 0,
	delivered: 0,
	opens: 0,
	clicks: 0,
	conversions: 0,
	unsubscribes: 0,
	complaints: 0,
});

const goalOf = (test: AbTestRow) =>
	test.metric === "conversion" && test.goalEvent
		? { event: test.goalEvent, windowMs: parseDuration(test.goalWindow ?? DEFAULT_GOAL_WINDOW) ?? 0 }
		: null;

/** The results chart: each arm's rate and interval at the end of each time bucket since the test started. */
async function rateSeries(
	env: Pick<Env, "DB" | "RESEND_API_KEY" | "RESEND_WEBHOOK_SECRET">,
	test: AbTestRow,
	variants: VariantRow[],
	now: number,
): Promise<SeriesPoint[]> {
	if (!test.startedAt) return [];
	const window = seriesWindow({
		startedAt: test.startedAt.getTime(),
		durationMs: parseDuration(test.duration) ?? 0,
		decidedAt: test.decidedAt?.getTime() ?? null,
		now,
	});
	const deliveriesReported = providerReportsDelivery(env);
	const counts = await armBuckets(createDb(env.DB), test.campaignId, {
		winnerFromChunk: test.winnerFromChunk,
		metric: test.metric,
		deliveriesReported,
		goal: goalOf(test),
		start: window.start,
		width: window.width,
	});
	// Up to the bucket now is in (partly elapsed), and never past the window.
	const elapsed = Math.floor((now - window.start) / window.width) + 1;
	return abSeries({
		variantIds: variants.map((v) => v.id),
		start: window.start,
		width: window.width,
		upTo: Math.max(0, Math.min(window.buckets, elapsed)),
		...counts,
	});
}

export type AbEvaluation = { test: AbTestRow; variants: VariantRow[]; counts: ArmCounts[]; decision: Decision };

/**
 * The test's arms counted from D1 and judged by `decide()`: what the results page shows, and what the campaign
 * object decides with (`final` at the end of the test). Undefined for a campaign without an A/B test.
 */
export async function evaluateAbTest(
	env: Pick<Env, "DB" | "RESEND_API_KEY" | "RESEND_WEBHOOK_SECRET">,
	campaignId: string,
	options: { now: number; final: boolean | ((test: AbTestRow) => boolean) },
): Promise<AbEvaluation | undefined> {
	const db = createDb(env.DB);
	const [test, variants] = await Promise.all([abTestOf(db, campaignId), variantsOf(db, campaignId)]);
	if (!test || variants.length < 2) return undefined;
	const byVariant = await armCounts(db, campaignId, {
		winnerFromChunk: test.winnerFromChunk,
		goal: goalOf(test),
	});
	const counts = variants.map((v) => byVariant.get(v.id) ?? noCounts(v.id));
	const decision = abDecision({
		metric: test.metric,
		arms: variants.map((v, i) => ({ variantId: v.id, name: v.name, totals: counts[i] ?? noCounts(v.id) })),
		deliveriesReported: providerReportsDelivery(env),
		elapsedMs: test.startedAt ? options.now - test.startedAt.getTime() : 0,
		final: typeof options.final === "function" ? options.final(test) : options.final,
		autoSendWinner: test.autoSendWinner,
	});
	return { test, variants, counts, decision };
}

/**
 * `GET /campaigns/:id/ab`: the phase, each arm's numbers with its interval and p-value, and the winner once known;
 * while a person has still to pick, the suggested winner of the counts now (see domain/ab/suggestion.ts).
 */
export async function abResults(env: Env, campaignId: string, now = Date.now()): Promise<AbResults> {
	const evaluated = await evaluateAbTest(env, campaignId, { now, final: (test) => test.phase === "deciding" });
	if (!evaluated) throw new ApiError("not_found", "This campaign is not an A/B test");
	const { test, variants, counts, decision } = evaluated;
	const durationMs = parseDuration(test.duration) ?? 0;
	return {
		phase: test.phase ?? "testing",
		metric: test.metric,
		arms: variants.map((v, i) => {
			const c = counts[i] ?? noCounts(v.id);
			const judged = decision.arms[i];
			return {
				variant_id: v.id,
				name: v.name,
				sent: c.sent,
				delivered: c.delivered,
				opens: c.opens,
				clicks: c.clicks,
				conversions: c.conversions,
				rate: judged?.rate ?? 0,
				interval: judged?.interval ?? [0, 1],
				p_value: judged?.p_value ?? null,
			};
		}),
		...withWinner(test, decision, variants, now),
		ends_at: test.startedAt ? new Date(test.startedAt.getTime() + durationMs).toISOString() : null,
		chi_square: decision.chi_square,
		series: await rateSeries(env, test, variants, now),
	};
}

function withWinner(test: AbTestRow, decision: Decision, variants: VariantRow[], now: number) {
	const winner = shownWinner({
		phase: test.phase,
		recorded:
			test.winnerVariantId && test.decidedAt
				? {
						variant_id: test.winnerVariantId,
						significant: test.winnerSignificant ?? false,
						decided_at: test.decidedAt.toISOString(),
						reason: test.winnerReason ?? "",
					}
				: null,
		current: decision.winner,
		names: new Map(variants.map((v) => [v.id, v.name])),
		now,
	});
	return winner ? { winner } : {};
}
