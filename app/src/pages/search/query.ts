import type { SearchHit, SearchQuery, SearchType } from "../../lib/api";

export const SEARCH_TYPES: { value: SearchType; label: string; plural: string }[] = [
	{ value: "campaign", label: "Campaign", plural: "Campaigns" },
	{ value: "journey", label: "Journey", plural: "Journeys" },
	{ value: "template", label: "Template", plural: "Templates" },
	{ value: "segment", label: "Segment", plural: "Segments" },
	{ value: "contact", label: "Contact", plural: "Contacts" },
];

const isType = (value: string | undefined): value is SearchType => SEARCH_TYPES.some((t) => t.value === value);

type Params = Partial<Record<keyof SearchQuery, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The search the URL describes (`/search?q=&type=&status=&tag=`); unknown types are dropped. */
export function queryFromParams(params: Params): SearchQuery {
	const type = one(params.type);
	const days = one(params.within_days);
	return {
		q: one(params.q),
		type: isType(type) ? type : undefined,
		status: one(params.status),
		tag: one(params.tag),
		within_days: days && /^\d{1,4}$/.test(days) && Number(days) > 0 ? days : undefined,
	};
}

/** The date facet's choices (days back from now). */
export const DATE_CHOICES = [
	{ value: "", label: "Any time" },
	{ value: "1", label: "Last 24 hours" },
	{ value: "7", label: "Last 7 days" },
	{ value: "30", label: "Last 30 days" },
	{ value: "365", label: "Last year" },
];

/** Only the filters that are set (what the URL, the API and a saved search keep). */
export function compactQuery(query: SearchQuery): SearchQuery {
	return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as SearchQuery;
}

/** The search page's address for a query: a saved search opens there. */
export function searchHref(query: SearchQuery): string {
	const search = new URLSearchParams(compactQuery(query) as Record<string, string>).toString();
	return `/search${search ? `?${search}` : ""}`;
}

/** Whether the query asks for anything (an empty search is not sent). */
export const hasCriteria = (query: SearchQuery) => Object.keys(compactQuery(query)).length > 0;

/** A facet's values with their counts, most first (then by name), zero counts left out. */
export function facetEntries(counts: Record<string, number> | undefined): { value: string; count: number }[] {
	return Object.entries(counts ?? {})
		.filter(([, count]) => count > 0)
		.map(([value, count]) => ({ value, count }))
		.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

/** Where a hit opens in the dashboard. */
export function hitHref(hit: Pick<SearchHit, "type" | "id">): string {
	return `/${hit.type}s/${encodeURIComponent(hit.id)}`;
}

/** Hits grouped by type, in the order of SEARCH_TYPES (empty groups left out). */
export function groupHits(hits: SearchHit[]) {
	return SEARCH_TYPES.map((t) => ({ ...t, hits: hits.filter((h) => h.type === t.value) })).filter(
		(g) => g.hits.length > 0,
	);
}

/** A one-line description of a saved search's filters ("type: campaign · tag: spring"). */
export function describeQuery(query: SearchQuery): string {
	const parts = Object.entries(compactQuery(query)).map(([k, v]) =>
		k === "q" ? `“${v}”` : k === "within_days" ? `changed in ${v} days` : `${k}: ${v}`,
	);
	return parts.join(" · ") || "everything";
}
