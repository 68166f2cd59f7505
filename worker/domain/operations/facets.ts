/** Per type, how many rows of each status match (status null for types without one). */
export type TypeCounts = { type: string; counts: { status: string | null; n: number }[] }[];

/**
 * The two facets: per type (under the status filter, whatever the type filter), and per status (under
 * the type filter, whatever the status filter), so each facet shows what choosing it would give.
 */
export function facetsOf(rows: TypeCounts, filter: { type?: string; status?: string }) {
	const type: Record<string, number> = {};
	const status: Record<string, number> = {};
	for (const { type: t, counts } of rows) {
		for (const { status: s, n } of counts) {
			if (!filter.status || s === filter.status) type[t] = (type[t] ?? 0) + n;
			if (s !== null && (!filter.type || t === filter.type)) status[s] = (status[s] ?? 0) + n;
		}
		type[t] ??= 0;
	}
	return { type, status };
}
