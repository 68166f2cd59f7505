/** Revenue as shown: two decimals, grouped, no currency symbol (the goal's property carries no currency). */
export const formatMoney = (n: number) =>
	n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A share (0..1) as a percentage with one decimal. */
export const formatShare = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Conversions may be fractional under the linear model. */
export const formatConversions = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export const MODEL_LABELS = {
	last_touch: "Last touch",
	first_touch: "First touch",
	linear: "Linear",
} as const;
