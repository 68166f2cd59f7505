import { createMemo, type JSX, Show } from "solid-js";
import { layoutOf } from "../model/layout";
import { type Builder, BuilderContext } from "./context";
import { Flow } from "./Flow";

const ENTRY_TEXT: Record<string, (e: Record<string, unknown>) => string> = {
	event: (e) => `When ${e.event || "an event"} happens`,
	segment: (e) => `On joining a segment${e.include_existing ? " (people already in it too)" : ""}`,
	date: (e) =>
		`On ${e.attribute}${e.offset_days ? ` ${Number(e.offset_days) > 0 ? "+" : ""}${e.offset_days} days` : ""}${e.at_local ? ` at ${e.at_local}` : ""}`,
	api: () => "Enrolled through the API",
};

/** The flow with its entry card on top, and the side panel next to it. */
export function JourneyCanvas(props: { builder: Builder; panel?: JSX.Element; entryExtra?: JSX.Element }) {
	const items = createMemo(() => layoutOf(props.builder.definition()));
	const entry = () => props.builder.definition().entry as Record<string, unknown> & { type: string };
	const entryIssues = () => ["entry", "reentry", "exit"].flatMap((key) => props.builder.issuesOf(key));
	return (
		<BuilderContext.Provider value={props.builder}>
			<div class="journey-layout" classList={{ "journey-layout-wide": !props.panel }}>
				<section class="card journey-canvas" aria-label="Journey steps">
					<div class="flow">
						<button
							type="button"
							class="step-card step-card-entry"
							classList={{ selected: props.builder.selected() === "entry", invalid: entryIssues().length > 0 }}
							data-testid="step-entry"
							onClick={() => props.builder.select("entry")}
						>
							<span class="step-card-type">Entry</span>
							<span class="step-card-summary">{ENTRY_TEXT[entry().type]?.(entry()) ?? entry().type}</span>
							<Show when={entryIssues().length > 0}>
								<ul class="step-card-issues">
									{entryIssues().map((i) => (
										<li>{i.message}</li>
									))}
								</ul>
							</Show>
							{props.entryExtra}
						</button>
						<Flow items={items()} />
					</div>
				</section>
				<Show when={props.panel}>
					<aside class="card pad journey-panel" aria-label="Selected step">
						{props.panel}
					</aside>
				</Show>
			</div>
		</BuilderContext.Provider>
	);
}
