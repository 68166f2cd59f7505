import { createEffect, createResource, For, on, Show } from "solid-js";
import { Badge } from "../../../components/Badge";
import { Button } from "../../../components/Button";
import { FormAlert } from "../../../components/FormAlert";
import { ProgressBar } from "../../../components/ProgressBar";
import { getReadiness, messageOf } from "../../../lib/api";
import { latestNotification } from "../../../lib/notifications";

/** The checklist before send (audience, footer, unsubscribe, sender, test send, approvals, schedule) and its score. */
export function ReadinessCard(props: { campaignId: string }) {
	const [readiness, { refetch }] = createResource(() => props.campaignId, getReadiness);
	// A review decided elsewhere changes the approvals check: the bell's socket says when.
	createEffect(
		on(latestNotification, (n) => {
			if (n?.link === `/campaigns/${props.campaignId}` && n.kind.startsWith("review_")) void refetch();
		}),
	);
	return (
		<section class="card stack" aria-labelledby="readiness-title" data-testid="readiness-card">
			<div style={{ display: "flex", "justify-content": "space-between", "align-items": "center" }}>
				<h2 id="readiness-title" class="card-title">
					Ready to send?
				</h2>
				<Show when={readiness.latest}>
					{(r) => (
						<span data-testid="readiness-score">
							<Badge tone={r().ready ? "success" : r().score >= 70 ? "warning" : "danger"}>
								{r().ready ? "Ready" : `${r().score}% ready`}
							</Badge>
						</span>
					)}
				</Show>
			</div>
			<FormAlert message={readiness.error ? messageOf(readiness.error) : undefined} />
			<Show when={readiness.latest}>
				{(r) => (
					<>
						<ProgressBar
							value={r().score}
							max={100}
							label="Readiness"
							caption={`${r().checks.filter((c) => c.ok).length} of ${r().checks.length} checks pass`}
						/>
						<ul class="steps">
							<For each={r().checks}>
								{(check) => (
									<li class="step" classList={{ done: check.ok }} data-check={check.key} data-ok={String(check.ok)}>
										<span class="step-mark" aria-hidden="true">
											{check.ok ? "✓" : "!"}
										</span>
										<span class="step-text">
											<strong>
												{check.label}
												<span class="sr-only">{check.ok ? " (passes)" : " (to do)"}</span>
											</strong>
											<span class="small muted">{check.detail}</span>
										</span>
									</li>
								)}
							</For>
						</ul>
					</>
				)}
			</Show>
			<div>
				<Button size="sm" variant="ghost" loading={readiness.loading} onClick={() => void refetch()}>
					Check again
				</Button>
			</div>
		</section>
	);
}
