import { type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/*
 * Bulk statements whose rows travel as one JSON array parameter (D1 allows 100 bound parameters per
 * statement, so a row-per-placeholder insert would split a page of rows into many statements).
 */

/**
 * `column IN (the values)`, the whole list bound as one JSON parameter: for any list that may hold more than a
 * handful of values (D1 refuses a statement with more than 100 bound parameters).
 */
export const inJson = (column: SQLiteColumn | SQL, values: readonly unknown[]): SQL =>
	sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;

/** The rows of a JSON array, as the table `j` (one row per element, the element in `j.value`). */
export const jsonRows = (json: string) => sql`json_each(${json}) j`;

const FIELD = /^[a-z_]+$/;

/** A field of the current element as SQL text or number (`->>`); `name` is a code constant. */
export function field<T = string>(name: string): SQL<T> {
	if (!FIELD.test(name)) throw new Error(`not a field name: ${name}`);
	return sql.raw(`j.value->>'$.${name}'`) as SQL<T>;
}

/** A field of the current element as JSON text (`->`), for JSON columns. */
export function jsonField<T>(name: string): SQL<T> {
	if (!FIELD.test(name)) throw new Error(`not a field name: ${name}`);
	return sql.raw(`j.value->'$.${name}'`) as SQL<T>;
}

/** A bound value as a selected column of an INSERT ... SELECT. */
export const value = <T>(v: T) => sql<T>`${v}`;

/** Names each selected expression, as drizzle needs for an INSERT ... SELECT (keys in the table's column order). */
export function columns<T extends Record<string, SQL>>(
	fields: T,
): { [K in keyof T]: SQL.Aliased<T[K] extends SQL<infer U> ? U : never> } {
	return Object.fromEntries(Object.entries(fields).map(([key, expression]) => [key, expression.as(key)])) as {
		[K in keyof T]: SQL.Aliased<T[K] extends SQL<infer U> ? U : never>;
	};
}
