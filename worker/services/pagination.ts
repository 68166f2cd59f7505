import { fromBase64Url, toBase64Url } from "../domain/encoding";
import { ApiError } from "../errors";

export type PageRequest = { limit: number; cursor?: string };
export type Page<T> = { data: T[]; next_cursor: string | null };

/** Cursors are the opaque, encoded id of the last row of the previous page. */
export function encodeCursor(id: string): string {
	return toBase64Url(new TextEncoder().encode(id));
}

export function decodeCursor(cursor: string): string {
	const bytes = fromBase64Url(cursor);
	const id = bytes ? new TextDecoder().decode(bytes) : "";
	if (!/^[a-z]+_[0-9a-z]+$/.test(id)) {
		throw new ApiError("validation_failed", "The cursor is not valid", [{ path: "cursor", message: "Invalid cursor" }]);
	}
	return id;
}

/** Expects `limit + 1` rows: the extra one only tells whether another page exists. */
export function pageOf<Row extends { id: string }, T>(
	rows: Row[],
	page: PageRequest,
	present: (row: Row) => T,
): Page<T> {
	const more = rows.length > page.limit;
	const shown = more ? rows.slice(0, page.limit) : rows;
	const last = shown.at(-1);
	return { data: shown.map(present), next_cursor: more && last ? encodeCursor(last.id) : null };
}

/** The id a raw-SQL page starts after: `"~"` (after every id) newest-first, `""` oldest-first. */
export function startAfter(page: PageRequest, order: "asc" | "desc"): string {
	return page.cursor ? decodeCursor(page.cursor) : order === "desc" ? "~" : "";
}
