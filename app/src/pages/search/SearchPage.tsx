import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { SearchField } from "../../components/SearchField";
import { SelectField } from "../../components/SelectField";
import { LoadingState } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { messageOf, type SearchQuery, searchAll } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import { formatRelative } from "../../lib/format";
import { useMe } from "../../lib/session";
import {
	compactQuery,
	DATE_CHOICES,
	facetEntries,
	groupHits,
	hasCriteria,
	hitHref,
	queryFromParams,
	SEARCH_TYPES,
} from "./query";
import { SavedSearches } from "./SavedSearches";
import "../../components/search/search.css";

/** `/search?q=&type=&status=&tag=`: one search across the workspace, with facets; the URL is the search. */
export default function SearchPage() {
	const me = useMe();
	const [params, setParams] = useSearchParams<Record<keyof SearchQuery, string>>();
	const query = () => queryFromParams(params);
	const [text, setText] = createSignal(params.q ?? "");
	const [tag, setTag] = createSignal(params.tag ?? "");
	const settledText = createDebounced(text, 250);
	const settledTag = createDebounced(tag, 250);
	createEffect(on(settledText, (q) => setParams({ q: q.trim() || undefined }, { replace: true }), { defer: true }));
	createEffect(on(settledTag, (t) => setParams({ tag: t.trim() || undefined }, { replace: true }), { defer: true }));
	// A saved search (or the top bar) changes the URL: the fields follow.
	createEffect(
		on(
			() => params.q,
			(q) => (q ?? "") !== settledText().trim() && setText(q ?? ""),
			{ defer: true },
		),
	);
	createEffect(
		on(
			() => params.tag,
			(t) => (t ?? "") !== settledTag().trim() && setTag(t ?? ""),
			{ defer: true },
		),
	);

	const [results] = createResource(
		() => (hasCriteria(query()) ? { ws: me().workspace.id, key: JSON.stringify(compactQuery(query())) } : false),
		({ key }) => searchAll(JSON.parse(key) as SearchQuery),
	);
	const set = (patch: Partial<SearchQuery>) => setParams(patch, { replace: true });
	const statusOptions = () => [
		{ value: "", label: "Any status" },
		...facetEntries(results.latest?.facets.status).map((f) => ({ value: f.value, label: `${f.value} (${f.count})` })),
		...(params.status && !results.latest?.facets.status[params.status]
			? [{ value: params.status, label: params.status }]
			: []),
	];

	return (
		<>
			<PageHeader
				title="Search"
				description="Campaigns, journeys, templates, segments and contacts in one place. The address keeps the search: share it or save it."
			/>
			<div class="search-layout">
				<section class="card card-flush" aria-label="Search and results">
					<search class="filter-bar search-filters">
						<SearchField label="Search for" placeholder="Name, subject or email" value={text()} onInput={setText} />
						<SelectField
							label="Type"
							name="type"
							options={[
								{ value: "", label: "Everything" },
								...SEARCH_TYPES.map((t) => ({ value: t.value, label: t.plural })),
							]}
							value={params.type ?? ""}
							onChange={(e) =>
								set({ type: (e.currentTarget.value || undefined) as SearchQuery["type"], status: undefined })
							}
						/>
						<SelectField
							label="Status"
							name="status"
							options={statusOptions()}
							value={params.status ?? ""}
							onChange={(e) => set({ status: e.currentTarget.value || undefined })}
						/>
						<SelectField
							label="Changed"
							name="within_days"
							options={DATE_CHOICES}
							value={params.within_days ?? ""}
							onChange={(e) => set({ within_days: e.currentTarget.value || undefined })}
						/>
						<TextField
							label="Tag or category"
							name="tag"
							placeholder="Any"
							value={tag()}
							onInput={(e) => setTag(e.currentTarget.value)}
						/>
					</search>
					<Show when={results.latest}>
						{(r) => (
							<fieldset class="facet-row">
								<legend class="sr-only">Matches by type</legend>
								<For each={SEARCH_TYPES}>
									{(t) => (
										<button
											type="button"
											class="facet"
											aria-pressed={params.type === t.value}
											data-testid={`facet-${t.value}`}
											onClick={() => set({ type: params.type === t.value ? undefined : t.value, status: undefined })}
										>
											{t.plural} <span class="muted">{r().facets.type[t.value] ?? 0}</span>
										</button>
									)}
								</For>
							</fieldset>
						)}
					</Show>
					<FormAlert message={results.error ? messageOf(results.error) : undefined} />
					<Show
						when={hasCriteria(query())}
						fallback={
							<EmptyState icon="segments" title="Search your workspace">
								Type part of a name, subject or email, or pick a type, status or tag.
							</EmptyState>
						}
					>
						<Show when={results.latest} fallback={<LoadingState />}>
							{(r) => (
								<Show
									when={r().data.length > 0}
									fallback={
										<EmptyState icon="segments" title="Nothing matches">
											Try fewer words, or another type or status.
										</EmptyState>
									}
								>
									<For each={groupHits(r().data)}>
										{(group) => (
											<section class="search-group" aria-label={group.plural}>
												<h2>{group.plural}</h2>
												<ul class="search-hits">
													<For each={group.hits}>
														{(hit) => (
															<li class="search-hit" data-testid="search-hit" data-type={hit.type}>
																<A href={hitHref(hit)} class="strong-link">
																	{hit.name}
																</A>
																<Show when={hit.status}>{(s) => <Badge>{s()}</Badge>}</Show>
																<span class="muted small">{hit.snippet}</span>
																<Show when={hit.updated_at}>
																	{(at) => (
																		<span class="muted small" title={at()}>
																			· changed {formatRelative(at())}
																		</span>
																	)}
																</Show>
															</li>
														)}
													</For>
												</ul>
											</section>
										)}
									</For>
								</Show>
							)}
						</Show>
					</Show>
				</section>
				<SavedSearches current={query()} />
			</div>
		</>
	);
}
