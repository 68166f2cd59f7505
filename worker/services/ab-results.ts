import type { AbResults } from "../contracts/ab";
import { type AbTestRow, abTestOf, type VariantRow, variantsOf } from "../db/ab";
import { type ArmCounts, armCounts } from "../db/ab-counts";
import { createDb } from "../db/client";
import type { Decision } from "../domain/ab/decide";
import { abDecision } from "../domain/ab/phase";
import { DEFAULT_GOAL_WINDOW } from "../domain/ab/setup";
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

export type AbEvaluation = { test: AbTestRow; variants: VariantRow[]; counts: ArmCounts[]; decision: Decision };

/**
 * The test's arms counted from D1 and judged by `decide()`: what the results page shows, and what the campaign
 * object decides with (`final` at the end of the test). Undefined for a campaign without an A/B test.
 */
export async function evaluateAbTest(
	env: Pick<Env, "DB" | "RESEND_API_KEY" | "RESEND_WEBHOOK_SECRET">,
	campaignId: string,
	options: { now: number; final: boolean },
): Promise<AbEvaluation | undefined> {
	const db = createDb(env.DB);
	const [test, variants] = await Promise.all([abTestOf(db, campaignId), variantsOf(db, campaignId)]);
	if (!test || variants.length < 2) return undefined;
	const goal = test.metric === "conversion" && test.goalEvent ? test.goalEvent : null;
	const byVariant = await armCounts(db, campaignId, {
		winnerFromChunk: test.winnerFromChunk,
		goal: goal ? { event: goal, windowMs: parseDuration(test.goalWindow ?? DEFAULT_GOAL_WINDOW) ?? 0 } : null,
	});
	const counts = variants.map((v) => byVariant.get(v.id) ?? noCounts(v.id));
	const decision = abDecision({
		metric: test.metric,
		arms: variants.map((v, i) => ({ variantId: v.id, name: v.name, totals: counts[i] ?? noCounts(v.id) })),
		deliveriesReported: providerReportsDelivery(env),
		elapsedMs: test.startedAt ? options.now - test.startedAt.getTime() : 0,
		final: options.final,
		autoSendWinner: test.autoSendWinner,
	});
	return { test, variants, counts, decision };
}

/** `GET /campaigns/:id/ab`: the phase, each arm's numbers with its interval and p-value, and the winner once known. */
export async function abResults(env: Env, campaignId: string, now = Date.now()): Promise<AbResults> {
	const evaluated = await evaluateAbTest(env, campaignId, { now, final: false });
	if (!evaluated) throw new ApiError("not_found", "This campaign is not an A/B test");
	const { test, variants, counts, decision } = evaluated;
	const durationMs = parseDuration(test.duration) ?? 0;
	return {
		phase: test.phase,
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
		...(test.winnerVariantId && test.decidedAt
			? {
					winner: {
						variant_id: test.winnerVariantId,
						significant: test.winnerSignificant ?? false,
						decided_at: test.decidedAt.toISOString(),
						reason: test.winnerReason ?? "",
					},
				}
			: {}),
		ends_at: test.startedAt ? new Date(test.startedAt.getTime() + durationMs).toISOString() : null,
		chi_square: decision.chi_square,
	};
}
