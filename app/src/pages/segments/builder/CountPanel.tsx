import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { FormAlert } from "../../../components/FormAlert";
import { Spinner } from "../../../components/Spinner";
import { StatusBadge } from "../../../components/StatusBadge";
import { formatNumber } from "../../../lib/format";
import type { LiveCount } from "./live-count";
import { whyEmpty } from "./why-empty";

/** The builder's side panel: how many contacts match now, and a sample of them. */
export function CountPanel(props: { count: LiveCount }) {
	const preview = () => props.count.preview();
	return (
		<aside class="card preview-panel" aria-label="Live count">
			<div class="preview-count" aria-live="polite" aria-busy={props.count.stale() ? "true" : "false"}>
				<Show when={preview()} fallback={<span class="preview-number muted">—</span>}>
					{(p) => (
						<span class="preview-number" classList={{ stale: props.count.stale() }} data-testid="segment-count">
							{formatNumber(p().count)}
						</span>
					)}
				</Show>
				<span class="muted">
					{preview()?.count === 1 ? "contact matches" : "contacts match"}
					<Show when={props.count.stale()}>
						{" "}
						<Spinner size="sm" />
					</Show>
				</span>
			</div>
			<FormAlert message={props.count.error()} tone="warning" />
			<Show when={!preview() && !props.count.error() && props.count.quiet()}>
				<p class="muted small" data-testid="count-hint">
					Choose a rule to see who matches.
				</p>
			</Show>
			<Show when={preview()?.count === 0 && !props.count.stale()}>
				<p class="count-empty small" data-testid="count-empty">
					{whyEmpty(preview()?.rule_counts)}
				</p>
			</Show>
			<Show when={(preview()?.sample.length ?? 0) > 0}>
				<h3 class="preview-title">Sample</h3>
				<ul class="sample-list">
					<For each={preview()?.sample}>
						{(c) => (
							<li>
								<A href={`/contacts/${c.id}`}>{c.email}</A>
								<StatusBadge status={c.status} />
							</li>
						)}
					</For>
				</ul>
			</Show>
		</aside>
	);
}
