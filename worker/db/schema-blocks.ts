import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Block } from "../contracts/blocks";
import { workspaces } from "./schema";

/** Blocks a workspace saved to reuse in any of its block templates (a content block or a whole section). */
export const savedBlocks = sqliteTable(
	"saved_blocks",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		block: text("block", { mode: "json" }).$type<Block>().notNull(),
		createdBy: text("created_by"),
		createdAt: integer("created_at", { mode: "timestamp_ms" })
			.notNull()
			.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
	},
	(t) => [index("saved_blocks_workspace").on(t.workspaceId, t.id)],
);
