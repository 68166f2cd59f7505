import { For, Show } from "solid-js";
import { formatDate } from "../../../lib/format";
import { ARM_COLOURS, armShapes, type SeriesPoint } from "./ab-chart";
import { percent } from "./ab-words";

const BOX = { width: 640, height: 220, left: 52, right: 12, top: 12, bottom: 28 };

/**
 * Each arm's rate over the test as a line, with its always-valid interval as a band around it (plain SVG): bands
 * that stop overlapping are the result becoming real.
 */
export function AbRateChart(props: { series: SeriesPoint[]; names: Record<string, string> }) {
	const shapes = () => armShapes(props.series, BOX);
	const ticks = () => [0, shapes().top / 2, shapes().top];
	const summary = () =>
		`Rate over time per variant with its interval: ${(props.series.at(-1)?.arms ?? [])
			.map((a) => `${props.names[a.variant_id] ?? a.variant_id} ${percent(a.rate)}`)
			.join(", ")}`;
	return (
		<Show when={props.series.length > 1}>
			<figure class="chart" data-testid="ab-chart">
				<svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary()} class="chart-svg">
					<For each={ticks()}>
						{(tick) => (
							<g class="chart-grid">
								<line x1={BOX.left} x2={BOX.width - BOX.right} y1={shapes().y(tick)} y2={shapes().y(tick)} />
								<text x={BOX.left - 6} y={shapes().y(tick) + 4} text-anchor="end">
									{percent(tick)}
								</text>
							</g>
						)}
					</For>
					<For each={shapes().arms}>
						{(arm) => (
							<g data-arm={arm.variantId}>
								<polygon points={arm.band} fill={arm.colour} fill-opacity="0.15" stroke="none" />
								<polyline points={arm.line} fill="none" stroke={arm.colour} stroke-width="2" />
							</g>
						)}
					</For>
					<text x={BOX.left} y={BOX.height - 6}>
						{formatDate(props.series[0]?.at ?? "")}
					</text>
					<text x={BOX.width - BOX.right} y={BOX.height - 6} text-anchor="end">
						{formatDate(props.series.at(-1)?.at ?? "")}
					</text>
				</svg>
				<figcaption class="chart-legend small">
					<For each={props.series[0]?.arms ?? []}>
						{(arm, i) => (
							<span>
								<span
									aria-hidden="true"
									style={{
										display: "inline-block",
										width: "10px",
										height: "10px",
										"margin-right": "6px",
										"border-radius": "2px",
										background: ARM_COLOURS[i() % ARM_COLOURS.length],
									}}
								/>
								{props.names[arm.variant_id] ?? arm.variant_id}
							</span>
						)}
					</For>
					<span class="muted">line: rate · band: always-valid interval</span>
				</figcaption>
			</figure>
		</Show>
	);
}
