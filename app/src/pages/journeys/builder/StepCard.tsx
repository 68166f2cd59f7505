import { For, Show } from "solid-js";
import { formatNumber } from "../../../lib/format";
import { stepLabel, summarize } from "../model/summary";
import { useBuilder } from "./context";

/** One step of the flow: what it does, its problems (inline, from the API), and on the live page its numbers. */
export function StepCard(props: { id: string }) {
	const builder = useBuilder();
	const node = () => builder.definition().nodes[props.id];
	const issues = () => builder.issuesOf(props.id);
	const counts = () => builder.counts?.(props.id);
	const templateName = (id: string) => builder.templates()?.find((t) => t.id === id)?.name;
	return (
		<Show when={node()}>
			{(n) => (
				<button
					type="button"
					class="step-card"
					classList={{
						selected: builder.selected() === props.id,
						invalid: issues().length > 0,
						"step-card-exit": n().type === "exit",
					}}
					data-testid={`step-${props.id}`}
					aria-pressed={builder.selected() === props.id}
					onClick={() => builder.select(props.id)}
				>
					<span class="step-card-type">{stepLabel(n().type)}</span>
					<span class="step-card-summary">{summarize(n(), templateName)}</span>
					<Show when={issues().length > 0}>
						<ul class="step-card-issues" data-testid="step-issues">
							<For each={issues()}>{(issue) => <li>{issue.message}</li>}</For>
						</ul>
					</Show>
					<Show when={counts()}>
						{(c) => (
							<span class="step-card-counts" data-testid={`counts-${props.id}`}>
								<span>
									<strong data-testid="waiting">{formatNumber(c().waiting)}</strong> waiting
								</span>
								<span>
									<strong data-testid="passed">{formatNumber(c().passed)}</strong> passed
								</span>
								<Show when={c().sent !== undefined}>
									<span>
										{formatNumber(c().sent ?? 0)} sent · {formatNumber(c().opens ?? 0)} opens ·{" "}
										{formatNumber(c().clicks ?? 0)} clicks
									</span>
								</Show>
							</span>
						)}
					</Show>
				</button>
			)}
		</Show>
	);
}
