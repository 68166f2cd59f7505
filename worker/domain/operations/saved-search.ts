/*
 * A saved search's parameters as the API takes them (API.md: `GET/POST/DELETE /saved-searches`): `query` as an
 * object (`{q: "sale", type: "campaign"}`) or a query string (`"q=sale&type=campaign"`), and/or the same parameters
 * beside `name`. They become one flat record of strings, as `GET /search` takes them; checking each value is the
 * caller's.
 */

export const SEARCH_PARAMS = ["q", "type", "status", "tag", "within_days"] as const;
export type SavedSearchParts = {
	query?: Record<string, unknown> | string;
	[key: string]: unknown;
};

export type Issue = { path: string; message: string };

/** The search's parameters, or the issues naming what is not one (`query.colour`). */
export function savedSearchParams(input: SavedSearchParts): { params: Record<string, string> } | { issues: Issue[] } {
	const params: Record<string, string> = {};
	const issues: Issue[] = [];
	const take = (key: string, value: unknown, path: string) => {
		if (value === undefined || value === null || value === "") return;
		if (!(SEARCH_PARAMS as readonly string[]).includes(key))
			issues.push({ path, message: `Not a search parameter (use ${SEARCH_PARAMS.join(", ")})` });
		else params[key] = String(value);
	};
	if (typeof input.query === "string")
		for (const [key, value] of new URLSearchParams(input.query.replace(/^\?/, ""))) take(key, value, `query.${key}`);
	else for (const [key, value] of Object.entries(input.query ?? {})) take(key, value, `query.${key}`);
	for (const key of SEARCH_PARAMS) take(key, input[key], key);
	return issues.length > 0 ? { issues } : { params };
}
