import type { Principal } from "../context";
import { type SavedSearchInput, SavedSearchQuerySchema, SEARCH_TYPES, type SearchQuery } from "../contracts/search";
import type { Db } from "../db/client";
import { deleteSavedSearch, insertSavedSearch, savedSearchesOf } from "../db/saved-searches";
import { facetOfType, searchType } from "../db/search";
import { newId } from "../domain/ids";
import { facetsOf } from "../domain/operations/facets";
import { savedSearchParams } from "../domain/operations/saved-search";
import { ApiError, notFound } from "../errors";

/** One search across campaigns, journeys, templates, segments and contacts of the workspace, with facets. */
export async function search(db: Db, workspaceId: string, query: SearchQuery) {
	const filter = {
		q: query.q || undefined,
		status: query.status,
		tag: query.tag,
		changedSince: query.within_days ? new Date(Date.now() - query.within_days * 86_400_000) : undefined,
	};
	const shown = query.type ? [query.type] : SEARCH_TYPES;
	const [hits, counts] = await Promise.all([
		Promise.all(
			shown.map(async (type) => ({
				type,
				rows: await searchType(db, type, workspaceId, filter, Math.min(query.limit, MAX_PER_TYPE)),
			})),
		),
		Promise.all(SEARCH_TYPES.map(async (type) => ({ type, counts: await facetOfType(db, type, workspaceId, filter) }))),
	]);
	return {
		data: hits.flatMap(({ type, rows }) =>
			rows.map(({ updatedAt, ...r }) => ({
				type,
				...r,
				snippet: r.snippet ?? "",
				updated_at: updatedAt.toISOString(),
			})),
		),
		facets: facetsOf(counts, query),
	};
}

/** Saved searches belong to the member (or the API key) that saved them. */
const ownerOf = (principal: Principal) => (principal.kind === "session" ? principal.userId : principal.apiKeyId);
const MAX_SAVED = 50;
/** Results per type at most, whatever `limit` asks (it takes the list convention's 1..500). */
const MAX_PER_TYPE = 50;

const present = (r: Awaited<ReturnType<typeof savedSearchesOf>>[number]) => ({
	id: r.id,
	name: r.name,
	query: r.query,
	created_at: r.createdAt.toISOString(),
});

/** All of them (at most MAX_SAVED), in the list shape: one page, no next. */
export async function listSavedSearches(db: Db, principal: Principal) {
	const rows = await savedSearchesOf(db, principal.workspaceId, ownerOf(principal), MAX_SAVED);
	return { data: rows.map(present), next_cursor: null };
}

/** The input's search parameters, checked as `GET /search` would take them (400 naming `query.<param>`). */
function paramsOf(input: SavedSearchInput) {
	const parts = savedSearchParams(input);
	if ("issues" in parts) throw new ApiError("validation_failed", parts.issues[0]?.message ?? "Invalid", parts.issues);
	const checked = SavedSearchQuerySchema.safeParse(parts.params);
	if (checked.success) return checked.data;
	const issues = checked.error.issues.map((i) => ({ path: `query.${i.path.join(".")}`, message: i.message }));
	throw new ApiError("validation_failed", issues[0]?.message ?? "Invalid search", issues);
}

export async function saveSearch(db: Db, principal: Principal, input: SavedSearchInput) {
	const query = paramsOf(input);
	const existing = await savedSearchesOf(db, principal.workspaceId, ownerOf(principal), MAX_SAVED);
	if (existing.length >= MAX_SAVED)
		throw new ApiError("conflict", `Keep at most ${MAX_SAVED} saved searches; delete one first`);
	const row = await insertSavedSearch(db, {
		id: newId("srch"),
		workspaceId: principal.workspaceId,
		userId: ownerOf(principal),
		name: input.name,
		query,
	});
	return present(row);
}

export async function removeSavedSearch(db: Db, principal: Principal, id: string) {
	if (!(await deleteSavedSearch(db, principal.workspaceId, ownerOf(principal), id))) throw notFound("Saved search");
}
