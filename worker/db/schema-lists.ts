import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";
import { contacts } from "./schema-contacts";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });

/** A static list: a named set of a workspace's contacts, added and removed by hand (or by a bulk action). */
export const contactLists = sqliteTable(
	"contact_lists",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
	},
	(t) => [uniqueIndex("contact_lists_workspace_name").on(t.workspaceId, t.name)],
);

/** A contact on a list; erasing the contact or deleting the list removes the row. */
export const contactListMembers = sqliteTable(
	"contact_list_members",
	{
		listId: text("list_id")
			.notNull()
			.references(() => contactLists.id, { onDelete: "cascade" }),
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		workspaceId: workspaceId(),
		addedAt: timestamp("added_at").notNull().default(now),
	},
	(t) => [primaryKey({ columns: [t.listId, t.contactId] }), index("contact_list_members_contact").on(t.contactId)],
);
