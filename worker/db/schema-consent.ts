import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";
import { contacts } from "./schema-contacts";

/**
 * Every consent record a contact was given, in order (the contact row keeps only the latest), so the contact's
 * timeline can show consent changes. Erased with the contact.
 */
export const contactConsentHistory = sqliteTable(
	"contact_consent_history",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		source: text("source").notNull(),
		text: text("text"),
		givenAt: integer("given_at", { mode: "timestamp_ms" }).notNull(),
		createdAt: integer("created_at", { mode: "timestamp_ms" })
			.notNull()
			.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
	},
	(t) => [index("contact_consent_history_contact").on(t.contactId, t.givenAt)],
);
