import { For, Match, Switch } from "solid-js";
import type { FlowItem } from "../model/layout";
import { stepLabel } from "../model/summary";
import { AddStep } from "./AddStep";
import { useBuilder } from "./context";
import { StepCard } from "./StepCard";

/** The journey as a vertical flow: steps, "+" on each arrow, a fork's exits side by side. */
export function Flow(props: { items: FlowItem[] }) {
	return (
		<div class="flow">
			<For each={props.items}>{(item) => <FlowPart item={item} />}</For>
		</div>
	);
}

function FlowPart(props: { item: FlowItem }) {
	const builder = useBuilder();
	return (
		<Switch>
			<Match when={props.item.kind === "add" && props.item}>{(item) => <AddStep edge={item().edge} />}</Match>
			<Match when={props.item.kind === "step" && props.item}>{(item) => <StepCard id={item().id} />}</Match>
			<Match when={props.item.kind === "jump" && props.item}>
				{(item) => {
					const target = () => builder.definition().nodes[item().to];
					return (
						<button type="button" class="flow-jump" onClick={() => target() && builder.select(item().to)}>
							{target() ? `↩ Back to ${stepLabel((target() as { type: never }).type)} (${item().to})` : "Missing step"}
						</button>
					);
				}}
			</Match>
			<Match when={props.item.kind === "columns" && props.item}>
				{(item) => (
					<>
						<div class="flow-columns">
							<For each={item().columns}>
								{(column) => (
									<div class="flow-column">
										<span class="flow-column-label">{column.label}</span>
										<Flow items={column.items} />
										<span class="flow-line" aria-hidden="true" />
									</div>
								)}
							</For>
						</div>
						<span class="flow-join" aria-hidden="true" />
					</>
				)}
			</Match>
		</Switch>
	);
}
