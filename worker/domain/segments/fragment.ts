/*
 * SQL text with its bound parameters, built by the segment compiler. Safety: the `q` template turns every
 * interpolated value that is not a fragment into `?` with the value bound, so user values never become SQL text;
 * `raw` and `integer` are for compiler-owned text only.
 */

export type SqlParam = string | number | null;

export class Fragment {
	constructor(
		readonly sql: string,
		readonly params: SqlParam[],
	) {}
}

/** SQL template: fragments are embedded, every other value becomes a bound parameter. */
export function q(strings: TemplateStringsArray, ...values: (Fragment | SqlParam)[]): Fragment {
	let sql = strings[0] ?? "";
	const params: SqlParam[] = [];
	values.forEach((value, i) => {
		if (value instanceof Fragment) {
			sql += value.sql;
			params.push(...value.params);
		} else {
			sql += "?";
			params.push(value);
		}
		sql += strings[i + 1] ?? "";
	});
	return new Fragment(sql, params);
}

/** Compiler-owned SQL text only (never user input). */
export const raw = (sql: string) => new Fragment(sql, []);

export const join = (parts: Fragment[], separator: string) =>
	new Fragment(
		parts.map((p) => p.sql).join(separator),
		parts.flatMap((p) => p.params),
	);

/** A compiler-computed whole number (a window start) as SQL text; never user input. */
export function integer(n: number): Fragment {
	if (!Number.isSafeInteger(n)) throw new Error(`Not a whole number: ${n}`);
	return raw(String(n));
}
