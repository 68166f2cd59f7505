import type { InferSelectModel, Table } from "drizzle-orm";

type Columns<T extends Table> = T["_"]["columns"];
/** How D1 hands a value back from raw SQL: timestamps and flags as numbers. */
type Stored<V> = V extends Date ? number : V extends boolean ? number : V;

/**
 * A table's row as raw SQL (`SELECT *`) returns it: column names, numbers for timestamps and flags.
 * Derived from the schema, for code that still reads rows without the query builder.
 */
export type SqlRow<T extends Table> = {
	[K in keyof Columns<T> & keyof InferSelectModel<T> as Columns<T>[K]["_"]["name"]]: Stored<InferSelectModel<T>[K]>;
};
