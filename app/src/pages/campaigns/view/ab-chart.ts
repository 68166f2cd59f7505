/** The A/B chart's geometry: each arm's rate as a line and its interval as a band, over the test's time. */

export type SeriesPoint = {
	at: string;
	arms: { variant_id: string; rate: number; interval: [number, number] | number[] }[];
};

/** One colour per arm, in the variants' order (A, B, …). */
export const ARM_COLOURS = ["#3b6fd8", "#e0a030", "#2a9d6f", "#c2410c", "#7c3aed", "#0e7490", "#be185d", "#4d7c0f"];

export type Box = { width: number; height: number; left: number; right: number; top: number; bottom: number };

/** The y axis top: the widest band's top, rounded up to a whole percent (at least 1%). */
export const rateTop = (series: readonly SeriesPoint[]) =>
	Math.max(0.01, Math.ceil(Math.max(0, ...series.flatMap((p) => p.arms.map((a) => a.interval[1] ?? 0))) * 100) / 100);

/** Per arm: the line's points and the band's polygon (upper edge left to right, lower edge back), as SVG lists. */
export function armShapes(series: readonly SeriesPoint[], box: Box) {
	const top = rateTop(series);
	const plotW = box.width - box.left - box.right;
	const plotH = box.height - box.top - box.bottom;
	const x = (i: number) => box.left + (series.length > 1 ? (i / (series.length - 1)) * plotW : plotW / 2);
	const y = (rate: number) => box.top + plotH - (Math.min(rate, top) / top) * plotH;
	const ids = series[0]?.arms.map((a) => a.variant_id) ?? [];
	const pt = (i: number, v: number) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
	return {
		top,
		y,
		arms: ids.map((id, k) => {
			const of = (p: SeriesPoint) => p.arms.find((a) => a.variant_id === id) ?? { rate: 0, interval: [0, 0] };
			const line = series.map((p, i) => pt(i, of(p).rate)).join(" ");
			const upper = series.map((p, i) => pt(i, of(p).interval[1] ?? 0));
			const lower = series.map((p, i) => pt(i, of(p).interval[0] ?? 0)).reverse();
			return { variantId: id, colour: ARM_COLOURS[k % ARM_COLOURS.length], line, band: [...upper, ...lower].join(" ") };
		}),
	};
}
