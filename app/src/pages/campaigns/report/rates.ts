import type { CampaignStats } from "../../../lib/types";

/** The counts a rate needs (the stats, or a compared campaign's numbers). */
export type RateInput = Pick<
	CampaignStats,
	"sent" | "delivered" | "unique_opens" | "unique_clicks" | "provider_reports_delivery"
>;

/** One rate: `part` of `base`, and what the base is, so every card can say what it is a share of. */
export type Rate = { part: number; base: number; baseLabel: string; value: number | null };

const rate = (part: number, base: number, baseLabel: string): Rate => ({
	part,
	base,
	baseLabel,
	value: base > 0 ? part / base : null,
});

/**
 * A campaign's rates, each with its base. Opens and clicks are unique people (machine opens and bot clicks never
 * count). When the provider reports deliveries, open and click rates are taken over delivered; otherwise over
 * sent, and delivered is `null` ("not reported") rather than a misleading 0 %.
 */
export function reportRates(s: RateInput) {
	const reported = Boolean(s.provider_reports_delivery);
	const base = reported ? s.delivered : s.sent;
	const baseLabel = reported ? "delivered" : "sent";
	return {
		delivered: reported ? rate(s.delivered, s.sent, "sent") : null,
		open: rate(s.unique_opens, base, baseLabel),
		click: rate(s.unique_clicks, base, baseLabel),
		clickToOpen: rate(s.unique_clicks, s.unique_opens, "opened"),
	};
}

/** A share as "12.5%" (one decimal under 10 %), or "—" without a base. */
export function formatRate(value: number | null): string {
	if (value === null) return "—";
	const p = value * 100;
	return `${p < 10 && p > 0 ? p.toFixed(1) : Math.round(p)}%`;
}
