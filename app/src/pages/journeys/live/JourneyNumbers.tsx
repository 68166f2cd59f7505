import { For, Show } from "solid-js";
import type { JourneyStats } from "../../../lib/api";
import { formatNumber } from "../../../lib/format";
import { formatRate } from "../../campaigns/report/rates";

const REASONS: Record<string, string> = {
	goal: "Reached the goal",
	unsubscribed: "Unsubscribed",
	segment_leave: "Left the segment",
	archived: "Journey archived",
};

/** Entered, in the journey now, completed, conversion to the goal, and exits by reason. */
export function JourneyNumbers(props: { stats: JourneyStats; hasGoal: boolean }) {
	const exits = () => Object.entries(props.stats.exited).filter(([, n]) => n > 0);
	const cards = () => [
		{ label: "Entered", value: formatNumber(props.stats.entered), tone: "stat-accent" },
		{ label: "In the journey", value: formatNumber(props.stats.active), tone: "" },
		{ label: "Completed", value: formatNumber(props.stats.completed), tone: "stat-success" },
		{
			label: "Conversion",
			value: props.hasGoal ? formatRate(props.stats.conversion_rate) : "—",
			tone: "stat-success",
		},
	];
	return (
		<section class="card pad stack">
			<dl class="stats" aria-label="Journey numbers" data-testid="journey-stats">
				<For each={cards()}>
					{(card) => (
						<div class={`stat ${card.tone}`} data-stat={card.label.toLowerCase()}>
							<dt>{card.label}</dt>
							<dd>{card.value}</dd>
						</div>
					)}
				</For>
			</dl>
			<Show when={exits().length > 0} fallback={<p class="muted small">Nobody has exited early.</p>}>
				<p class="small" data-testid="journey-exits">
					Exited:{" "}
					{exits()
						.map(([reason, n]) => `${REASONS[reason] ?? reason.replaceAll("_", " ")} ${formatNumber(n)}`)
						.join(" · ")}
				</p>
			</Show>
		</section>
	);
}

/** A split's arms with what each got (the stats' `arms`, per split step then per arm). */
export function SplitArms(props: { arms: Record<string, unknown>; verdicts?: { step: string; text: string }[] }) {
	const rows = () =>
		Object.entries(props.arms).flatMap(([step, arms]) =>
			typeof arms === "object" && arms !== null
				? Object.entries(arms as Record<string, unknown>).map(([arm, value]) => ({ step, arm, value }))
				: [{ step, arm: "", value: arms }],
		);
	const numbers = (value: unknown) =>
		typeof value === "object" && value !== null
			? Object.entries(value)
					.filter(([, v]) => typeof v === "number")
					.map(
						([k, v]) =>
							`${k.replaceAll("_", " ")} ${k.includes("rate") ? formatRate(v as number) : formatNumber(v as number)}`,
					)
					.join(" · ")
			: typeof value === "number"
				? formatNumber(value)
				: "";
	return (
		<section class="card pad">
			<h2 class="card-title">Split arms</h2>
			<table class="table" data-testid="split-arms">
				<thead>
					<tr>
						<th>Step</th>
						<th>Arm</th>
						<th>Results</th>
					</tr>
				</thead>
				<tbody>
					<For each={rows()}>
						{(row) => (
							<tr>
								<td class="mono">{row.step}</td>
								<td>{row.arm}</td>
								<td>{numbers(row.value)}</td>
							</tr>
						)}
					</For>
				</tbody>
			</table>
			<For each={props.verdicts ?? []}>
				{(v) => (
					<p class="muted" data-testid="split-verdict">
						<span class="mono">{v.step}</span> {v.text}
					</p>
				)}
			</For>
		</section>
	);
}
