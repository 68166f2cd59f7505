import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { ContactStatus } from "../contracts/contacts";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });

export const contacts = sqliteTable(
	"contacts",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		email: text("email").notNull(),
		firstName: text("first_name"),
		lastName: text("last_name"),
		attributes: text("attributes", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
		timezone: text("timezone"),
		locale: text("locale"),
		status: text("status").$type<ContactStatus>().notNull().default("subscribed"),
		consentSource: text("consent_source"),
		consentText: text("consent_text"),
		consentAt: timestamp("consent_at"),
		consentIp: text("consent_ip"),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
	},
	(t) => [
		uniqueIndex("contacts_workspace_email").on(t.workspaceId, t.email),
		index("contacts_workspace_status").on(t.workspaceId, t.status, t.id),
	],
);

export const contactTags = sqliteTable(
	"contact_tags",
	{
		workspaceId: workspaceId(),
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		tag: text("tag").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.contactId, t.tag] }),
		// Contact id last: a tag's contacts come out in the order their rows sit in `contacts` (segment counts).
		index("contact_tags_workspace_tag_contact").on(t.workspaceId, t.tag, t.contactId),
	],
);

export const contactStatusHistory = sqliteTable(
	"contact_status_history",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		fromStatus: text("from_status").$type<ContactStatus>(),
		toStatus: text("to_status").$type<ContactStatus>().notNull(),
		source: text("source").notNull(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [index("contact_status_history_contact").on(t.contactId, t.id)],
);

/** Addresses never to be mailed again in a workspace; survives the contact's erasure. */
export const suppressions = sqliteTable(
	"suppressions",
	{
		workspaceId: workspaceId(),
		email: text("email").notNull(),
		reason: text("reason").$type<"unsubscribed" | "bounced" | "complained" | "erased">().notNull(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.email] })],
);

export const events = sqliteTable(
	"events",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		contactId: text("contact_id")
			.notNull()
			.references(() => contacts.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		properties: text("properties", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
		occurredAt: timestamp("occurred_at").notNull(),
		idempotencyKey: text("idempotency_key"),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [
		uniqueIndex("events_workspace_idempotency").on(t.workspaceId, t.idempotencyKey),
		index("events_contact_name_time").on(t.contactId, t.name, t.occurredAt),
		// Segment event rules read the contacts with matching events of a workspace as one set.
		index("events_workspace_name_contact_time").on(t.workspaceId, t.name, t.contactId, t.occurredAt),
	],
);

export const imports = sqliteTable(
	"imports",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		status: text("status").$type<"running" | "completed" | "failed">().notNull(),
		fileName: text("file_name"),
		totalRows: integer("total_rows").notNull().default(0),
		processedRows: integer("processed_rows").notNull().default(0),
		created: integer("created").notNull().default(0),
		updated: integer("updated").notNull().default(0),
		skipped: integer("skipped").notNull().default(0),
		suppressed: integer("suppressed").notNull().default(0),
		errorCount: integer("error_count").notNull().default(0),
		failure: text("failure"),
		/** Where the next step resumes: character offset in the file and its line number. */
		cursorOffset: integer("cursor_offset").notNull().default(0),
		cursorLine: integer("cursor_line").notNull().default(2),
		createdBy: text("created_by"),
		createdAt: timestamp("created_at").notNull().default(now),
		completedAt: timestamp("completed_at"),
	},
	(t) => [index("imports_workspace").on(t.workspaceId, t.id)],
);

export const importErrors = sqliteTable(
	"import_errors",
	{
		importId: text("import_id")
			.notNull()
			.references(() => imports.id, { onDelete: "cascade" }),
		line: integer("line").notNull(),
		email: text("email"),
		reason: text("reason").notNull(),
	},
	(t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/** Emails already read by a running import, so a later duplicate row is reported, not applied. */
export const importSeen = sqliteTable(
	"import_seen",
	{
		importId: text("import_id")
			.notNull()
			.references(() => imports.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		line: integer("line").notNull(),
	},
	(t) => [primaryKey({ columns: [t.importId, t.email] })],
);

export const segments = sqliteTable(
	"segments",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		name: text("name").notNull(),
		definition: text("definition", { mode: "json" }).$type<unknown>().notNull(),
		/** The last background count and when it was taken; null until first counted or after an edit. */
		cachedCount: integer("cached_count"),
		countedAt: timestamp("counted_at"),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
	},
	(t) => [index("segments_workspace").on(t.workspaceId, t.id)],
);

/** One row per recipient of a campaign step; filled by the campaign engine. */
export const messages = sqliteTable(
	"messages",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		campaignId: text("campaign_id").notNull(),
		stepId: text("step_id").notNull().default("main"),
		contactId: text("contact_id").notNull(),
		email: text("email").notNull(),
		status: text("status").notNull(),
		chunkId: text("chunk_id"),
		/** The A/B variant this recipient was sent (null outside A/B tests). */
		variantId: text("variant_id"),
		providerId: text("provider_id"),
		attempts: integer("attempts").notNull().default(0),
		lastError: text("last_error"),
		sentAt: timestamp("sent_at"),
		deliveredAt: timestamp("delivered_at"),
		openedAt: timestamp("opened_at"),
		clickedAt: timestamp("clicked_at"),
		createdAt: timestamp("created_at").notNull().default(now),
		/** A local-time broadcast: when this recipient is due (the message waits unchunked until then). */
		scheduledFor: timestamp("scheduled_for"),
	},
	(t) => [
		uniqueIndex("messages_campaign_step_contact").on(t.campaignId, t.stepId, t.contactId),
		// The frequency cap counts a contact's recent messages; local-time sends wait here until due.
		index("messages_contact_created").on(t.contactId, t.createdAt),
		index("messages_campaign_due").on(t.campaignId, t.scheduledFor).where(sql`status = 'queued' AND chunk_id IS NULL`),
		index("messages_contact").on(t.contactId),
		index("messages_chunk").on(t.chunkId),
		index("messages_campaign_status").on(t.campaignId, t.status),
		index("messages_provider").on(t.providerId),
	],
);

/** Opens, clicks, deliveries, bounces, complaints and unsubscribes; `flag` marks machine opens and bot clicks. */
export const trackingEvents = sqliteTable(
	"tracking_events",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		messageId: text("message_id"),
		campaignId: text("campaign_id"),
		contactId: text("contact_id").notNull(),
		kind: text("kind")
			.$type<"delivered" | "open" | "click" | "bounce" | "complaint" | "failed" | "suppressed" | "unsubscribe">()
			.notNull(),
		flag: text("flag").$type<"machine" | "bot">(),
		url: text("url"),
		occurredAt: timestamp("occurred_at").notNull(),
		dedupeKey: text("dedupe_key").unique(),
	},
	(t) => [index("tracking_events_contact_kind").on(t.contactId, t.kind, t.occurredAt)],
);
