import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { BlockDocument } from "../contracts/blocks";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });

export const templates = sqliteTable(
	"templates",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		name: text("name").notNull(),
		subject: text("subject").notNull(),
		preheader: text("preheader"),
		html: text("html").notNull(),
		text: text("text"),
		/** `blocks`: edited as a block document and `html` is its compiled output; `html`: the HTML is the source. */
		editor: text("editor").$type<"html" | "blocks">().notNull().default("html"),
		blocks: text("blocks", { mode: "json" }).$type<BlockDocument>(),
		/** The library shelf the template sits on ("newsletter", "promo", ...); null = uncategorised. */
		category: text("category"),
		/** Archived templates leave the everyday library (`GET /templates?archived=true` lists them). */
		archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
		createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
		updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
	},
	(t) => [index("templates_workspace").on(t.workspaceId, t.id)],
);

/**
 * What the capture provider "sent": the exact rendered message, kept for the Outbox page.
 * A batch replayed with the same idempotency key stores nothing new.
 */
export const outboxMessages = sqliteTable(
	"outbox_messages",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		campaignId: text("campaign_id"),
		messageId: text("message_id"),
		toEmail: text("to_email").notNull(),
		fromEmail: text("from_email").notNull(),
		replyTo: text("reply_to"),
		subject: text("subject").notNull(),
		html: text("html").notNull(),
		text: text("text").notNull(),
		headers: text("headers", { mode: "json" }).$type<Record<string, string>>().notNull(),
		idempotencyKey: text("idempotency_key").notNull(),
		position: integer("position").notNull(),
		createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
	},
	(t) => [
		uniqueIndex("outbox_idempotency").on(t.idempotencyKey, t.position),
		index("outbox_workspace").on(t.workspaceId, t.id),
	],
);
