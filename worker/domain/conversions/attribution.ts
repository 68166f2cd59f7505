/*
 * Conversion attribution: which emails get the credit for a goal event (a purchase, a signup). An email "touched"
 * the contact when they clicked it (or, if the goal says so, opened it); machine opens and bot clicks are never
 * touches. A conversion is credited to the touches in the window before it:
 * - last_touch: all of it to the most recent email touched;
 * - first_touch: all of it to the earliest email touched in the window;
 * - linear: shared equally by every email touched in the window (one share per email, however many clicks).
 * A conversion with no touch in the window is not email's.
 */

export const ATTRIBUTION_MODELS = ["last_touch", "first_touch", "linear"] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** An email the contact engaged with: `source` is the campaign (later also a journey step) it came from. */
export type Touch = { contactId: string; source: string; at: number };
export type Conversion = { contactId: string; at: number; revenue: number };
export type Credit = { conversions: number; revenue: number; contacts: Set<string> };

function creditsFor(touches: Touch[], model: AttributionModel): Map<string, number> {
	const credits = new Map<string, number>();
	if (touches.length === 0) return credits;
	const ordered = [...touches].sort((a, b) => a.at - b.at || a.source.localeCompare(b.source));
	if (model === "linear") {
		const sources = new Set(ordered.map((t) => t.source));
		for (const source of sources) credits.set(source, 1 / sources.size);
		return credits;
	}
	const chosen = model === "first_touch" ? ordered[0] : ordered[ordered.length - 1];
	if (chosen) credits.set(chosen.source, 1);
	return credits;
}

/** Each source's share of the conversions and their revenue. `touches` may hold any contact's, in any order. */
export function attribute(
	conversions: Conversion[],
	touches: Touch[],
	options: { windowMs: number; model: AttributionModel },
): Map<string, Credit> {
	const byContact = new Map<string, Touch[]>();
	for (const touch of touches) {
		const list = byContact.get(touch.contactId);
		if (list) list.push(touch);
		else byContact.set(touch.contactId, [touch]);
	}
	const result = new Map<string, Credit>();
	for (const conversion of conversions) {
		const eligible = (byContact.get(conversion.contactId) ?? []).filter(
			(t) => t.at <= conversion.at && t.at >= conversion.at - options.windowMs,
		);
		for (const [source, share] of creditsFor(eligible, options.model)) {
			const credit = result.get(source) ?? { conversions: 0, revenue: 0, contacts: new Set<string>() };
			credit.conversions += share;
			credit.revenue += share * conversion.revenue;
			credit.contacts.add(conversion.contactId);
			result.set(source, credit);
		}
	}
	return result;
}

/** A revenue property's value as a number: numbers and numeric strings count, anything else is 0. */
export function revenueOf(value: unknown): number {
	const n = typeof value === "number" ? value : typeof value === "string" ? Number(value.trim()) : Number.NaN;
	return Number.isFinite(n) ? n : 0;
}

/** Money and fractional conversions as shown: two decimals. */
export const round2 = (n: number) => Math.round(n * 100) / 100;
