import { createSignal } from "solid-js";
import { messageOf } from "./api";

type Page<T> = { data: T[]; next_cursor: string | null };

export type PagedList<T> = ReturnType<typeof createPagedList<T>>;

/** A cursor-paginated list: first page on `reload()`, more with `loadMore()`. */
export function createPagedList<T>(fetchPage: (cursor?: string) => Promise<Page<T>>) {
	const [items, setItems] = createSignal<T[]>();
	const [cursor, setCursor] = createSignal<string | null>(null);
	const [loading, setLoading] = createSignal(false);
	const [error, setError] = createSignal<string>();
	// Each load gets a number; an answer to an older load (filters changed meanwhile) is dropped.
	let generation = 0;

	const load = async (from?: string) => {
		const mine = ++generation;
		setLoading(true);
		setError(undefined);
		try {
			const page = await fetchPage(from);
			if (mine !== generation) return;
			setItems((prev) => (from ? [...(prev ?? []), ...page.data] : page.data));
			setCursor(page.next_cursor);
		} catch (e) {
			if (mine === generation) setError(messageOf(e));
		} finally {
			if (mine === generation) setLoading(false);
		}
	};

	return {
		items,
		loading,
		error,
		hasMore: () => cursor() !== null,
		reload: () => load(),
		loadMore: () => load(cursor() ?? undefined),
		/** Replaces loaded rows in place (e.g. fresher copies from a poll), keeping the pages already loaded. */
		update: (change: (rows: T[]) => T[]) => setItems((prev) => (prev ? change(prev) : prev)),
	};
}
