import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";
import { contacts } from "./schema-contacts";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * One row per contact and event name: how many such events the contact has and when the first and the latest
 * happened. Kept by triggers on `events` (migration 0009), in the same statement as the event itself, so it never
 * disagrees with the events table. Segment rules such as "purchase at least once in 30 days" read it instead of
 * every purchase event: one entry per contact, already distinct.
 */
export const eventRollups = sqliteTable(
	"event_rollups",
	{
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		total: integer("total").notNull(),
		firstAt: timestamp("first_at").notNull(),
		lastAt: timestamp("last_at").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.workspaceId, t.name, t.contactId] }),
		// In contact id order with the latest time: "did X in the last N days" reads its contacts in the order their
		// rows sit in `contacts`, so looking them up walks the table forward instead of jumping around it.
		index("event_rollups_contact").on(t.workspaceId, t.name, t.contactId, t.lastAt),
	],
);
