import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { imports } from "./schema-contacts";

/**
 * The original cells of an import's header (line 0) and of each row reported as an error, so the
 * error CSV gives back the rows as they were uploaded, ready to fix and import again.
 */
export const importRowCells = sqliteTable(
	"import_row_cells",
	{
		importId: text("import_id")
			.notNull()
			.references(() => imports.id, { onDelete: "cascade" }),
		/** 0 for the header row, else the row's line in the file. */
		line: integer("line").notNull(),
		cells: text("cells", { mode: "json" }).$type<string[]>().notNull(),
	},
	(t) => [primaryKey({ columns: [t.importId, t.line] })],
);
