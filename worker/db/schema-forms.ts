import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/**
 * A signup form Pulse serves (`/f/:id`) and sites embed: what it asks, the consent wording it shows (recorded
 * with each contact it brings in) and the tags those contacts get. Every signup is confirmed by email first.
 */
export const signupForms = sqliteTable(
	"signup_forms",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		/** The consent wording shown next to the button, stored with each confirmed contact. */
		consentText: text("consent_text").notNull(),
		tags: text("tags", { mode: "json" }).$type<string[]>().notNull(),
		askName: integer("ask_name", { mode: "boolean" }).notNull().default(false),
		createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
	},
	(t) => [index("signup_forms_workspace").on(t.workspaceId, t.id)],
);
