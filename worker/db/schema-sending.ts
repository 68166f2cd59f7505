import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";
import { contacts } from "./schema-contacts";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });

/**
 * A workspace's own email provider key (Resend), encrypted at rest (AES-GCM under a key derived from the server's
 * secret, `worker/domain/secret-box.ts`); only its last four characters are ever shown again.
 */
export const workspaceProviderKeys = sqliteTable("workspace_provider_keys", {
	workspaceId: workspaceId().primaryKey(),
	provider: text("provider").$type<"resend">().notNull(),
	/** `v1.<iv>.<ciphertext>`, both base64url. */
	sealed: text("sealed").notNull(),
	keyLast4: text("key_last4").notNull(),
	connectedBy: text("connected_by"),
	connectedAt: timestamp("connected_at").notNull().default(now),
});

/** Subjects a contact may opt out of one by one (the preference centre) without unsubscribing from everything. */
export const topics = sqliteTable(
	"topics",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		name: text("name").notNull(),
		description: text("description").notNull().default(""),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [uniqueIndex("topics_workspace_name").on(t.workspaceId, t.name)],
);

/** A contact who opted out of a topic: campaigns about it leave them out. */
export const contactTopicOptOuts = sqliteTable(
	"contact_topic_optouts",
	{
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		topicId: text("topic_id")
			.notNull()
			.references(() => topics.id, { onDelete: "cascade" }),
		workspaceId: workspaceId(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [primaryKey({ columns: [t.contactId, t.topicId] }), index("contact_topic_optouts_topic").on(t.topicId)],
);

/** The topic a campaign is about (at most one); contacts opted out of it are not mailed. */
export const campaignTopics = sqliteTable("campaign_topics", {
	campaignId: text("campaign_id")
		.primaryKey()
		.references(() => campaigns.id, { onDelete: "cascade" }),
	topicId: text("topic_id")
		.notNull()
		.references(() => topics.id, { onDelete: "cascade" }),
});

/** Small facts about the running installation (`npm start`'s demo seeding is done, ...). */
export const systemFlags = sqliteTable("system_flags", {
	name: text("name").primaryKey(),
	value: text("value").notNull(),
	updatedAt: timestamp("updated_at").notNull().default(now),
});
