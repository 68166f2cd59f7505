import { createResource, For, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { getHealthDetail, messageOf } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { createPolling } from "../../lib/poll";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { AdminOnly } from "../audit/AdminOnly";
import { AlertRulesCard } from "./AlertRulesCard";
import { healthFigures } from "./health-view";
import "./health.css";

/** `/settings/health` (admins; `/health` is the worker's own probe): the send pipeline's figures for this workspace, refreshed every 30 s, and the alert rules. */
export default function HealthPage() {
	const me = useMe();
	const admin = () => atLeast(me().role, "admin");
	const [health, { refetch }] = createResource(() => (admin() ? me().workspace.id : false), getHealthDetail);
	createPolling(admin, async () => refetch(), 30_000);

	return (
		<AdminOnly what="The health page">
			<PageHeader
				title="Health"
				description="Is sending healthy? Queue backlog, dead letters, provider errors and rate use for this workspace."
				actions={
					<Button onClick={() => refetch()} loading={health.loading}>
						Refresh
					</Button>
				}
			/>
			<div class="stack">
				<FormAlert message={health.error ? messageOf(health.error) : undefined} />
				<Show when={health.latest} fallback={<LoadingState />}>
					{(h) => (
						<section class="card stack" aria-labelledby="health-figures">
							<div class="card-head">
								<h2 class="card-title" id="health-figures">
									Send pipeline
								</h2>
								<span class="muted small">As of {formatDate(h().at)}</span>
							</div>
							<dl class="stats health-stats" data-testid="health-stats">
								<For each={healthFigures(h())}>
									{(f) => (
										<div class={`stat stat-${f.tone}`} data-stat={f.key} data-tone={f.tone}>
											<dt>{f.label}</dt>
											<dd>{f.value}</dd>
											<span class="muted small">{f.hint}</span>
										</div>
									)}
								</For>
							</dl>
						</section>
					)}
				</Show>
				<AlertRulesCard />
			</div>
		</AdminOnly>
	);
}
