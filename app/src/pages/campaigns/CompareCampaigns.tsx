import { A, useSearchParams } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { compareCampaigns, listCampaigns, messageOf } from "../../lib/api";
import { formatDate, formatNumber } from "../../lib/format";
import { CompareTable } from "./report/CompareTable";

export const COMPARE_MAX = 5;

/** `/campaigns/compare?ids=a,b`: pick 2 to 5 sent campaigns and see their rates side by side. */
export default function CompareCampaigns() {
	const [params, setParams] = useSearchParams<{ ids?: string }>();
	const chosen = () => (params.ids ?? "").split(",").filter(Boolean);
	const [candidates] = createResource(async () =>
		(await listCampaigns({ limit: 100 })).data.filter((c) => c.status !== "draft" && c.status !== "scheduled"),
	);
	const [comparison] = createResource(
		() => (chosen().length >= 2 && chosen().length <= COMPARE_MAX ? chosen().join(",") : false),
		async (ids) => (await compareCampaigns(ids.split(","))).data,
	);
	const toggle = (id: string, on: boolean) => {
		const next = on ? [...chosen(), id] : chosen().filter((c) => c !== id);
		setParams({ ids: next.join(",") || undefined }, { replace: true });
	};

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/campaigns">Campaigns</A> <span aria-hidden="true">/</span> <span>Compare</span>
			</nav>
			<PageHeader
				title="Compare campaigns"
				description="Choose 2 to 5 campaigns: their rates side by side, each over the same base."
			/>
			<div class="stack">
				<section class="card" aria-labelledby="compare-pick">
					<h2 class="card-title" id="compare-pick">
						Campaigns ({chosen().length} of at most {COMPARE_MAX} chosen)
					</h2>
					<Show when={candidates.latest} fallback={<LoadingState label="Loading campaigns…" />}>
						{(list) => (
							<Show
								when={list().length > 0}
								fallback={<p class="muted">Nothing sent yet: campaigns can be compared once they have gone out.</p>}
							>
								<ul class="compare-picks">
									<For each={list()}>
										{(c) => (
											<li>
												<label>
													<input
														type="checkbox"
														checked={chosen().includes(c.id)}
														disabled={!chosen().includes(c.id) && chosen().length >= COMPARE_MAX}
														onChange={(e) => toggle(c.id, e.currentTarget.checked)}
													/>{" "}
													<strong>{c.name}</strong>{" "}
													<span class="muted small">
														{c.started_at ? formatDate(c.started_at) : c.status} · {formatNumber(c.results.sent)} sent
													</span>
												</label>
											</li>
										)}
									</For>
								</ul>
							</Show>
						)}
					</Show>
				</section>
				<section class="card card-flush" aria-label="Comparison">
					<Show
						when={chosen().length >= 2}
						fallback={
							<EmptyState icon="campaigns" title="Choose at least two campaigns">
								Tick two to five campaigns above to compare their rates.
							</EmptyState>
						}
					>
						<FormAlert message={comparison.error ? messageOf(comparison.error) : undefined} />
						<Show when={comparison.latest} fallback={<LoadingState label="Comparing…" />}>
							{(rows) => <CompareTable rows={rows()} />}
						</Show>
					</Show>
				</section>
			</div>
		</>
	);
}
