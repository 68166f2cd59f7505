import { For } from "solid-js";
import type { BulkItemResult } from "../../lib/api";
import { Button } from "../Button";
import { type BulkActionDef, summarize } from "./bulk-logic";

/** What one bulk call did: the action, and each item's result under the name the page shows. */
export type Outcome = { def: BulkActionDef; items: (BulkItemResult & { name: string })[] };

/** Each item's result (done, or the reason it was refused) under a summary, until dismissed. */
export function BulkResults(props: { outcome: Outcome; onDismiss: () => void }) {
	return (
		<section class="bulk-results" aria-label="Results" data-testid="bulk-results">
			<div class="card-head">
				<strong role="status">{summarize(props.outcome.items, props.outcome.def.done)}</strong>
				<Button size="sm" variant="ghost" onClick={() => props.onDismiss()}>
					Dismiss
				</Button>
			</div>
			<ul>
				<For each={props.outcome.items}>
					{(item) => (
						<li data-testid="bulk-result" data-ok={item.ok ? "true" : "false"}>
							<span class={item.ok ? "bulk-ok" : "bulk-failed"} aria-hidden="true">
								{item.ok ? "✓" : "✕"}
							</span>{" "}
							<span>{item.name}</span>{" "}
							<span class="muted small">{item.ok ? props.outcome.def.done : item.error?.message}</span>
						</li>
					)}
				</For>
			</ul>
		</section>
	);
}
