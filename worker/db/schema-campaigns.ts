import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { CampaignStatus, PauseReason } from "../contracts/campaigns";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

export const campaigns = sqliteTable(
	"campaigns",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		status: text("status").$type<CampaignStatus>().notNull().default("draft"),
		segmentId: text("segment_id"),
		templateId: text("template_id").notNull(),
		fromEmail: text("from_email").notNull(),
		fromName: text("from_name").notNull().default(""),
		replyTo: text("reply_to"),
		trackOpens: integer("track_opens", { mode: "boolean" }).notNull().default(true),
		trackClicks: integer("track_clicks", { mode: "boolean" }).notNull().default(true),
		sendAt: timestamp("send_at"),
		/** Public origin links in this campaign's emails point to, fixed when sending starts. */
		baseUrl: text("base_url"),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
		startedAt: timestamp("started_at"),
		completedAt: timestamp("completed_at"),
		/** Why Pulse paused the campaign (a provider quota), null otherwise; mirrored from its object. */
		pauseReason: text("pause_reason", { mode: "json" }).$type<PauseReason>(),
		/** `journey`: the hidden campaign of one journey send node (never listed; always `sending`). */
		kind: text("kind").$type<"broadcast" | "journey">().notNull().default("broadcast"),
		journeyId: text("journey_id"),
		journeyNodeId: text("journey_node_id"),
		/** A transactional journey's sends: exempt from the frequency cap. */
		transactional: integer("transactional", { mode: "boolean" }).notNull().default(false),
		/** "HH:MM": each recipient is sent at the first such local time at or after `send_at`. */
		localTime: text("local_time"),
	},
	(t) => [index("campaigns_workspace").on(t.workspaceId, t.id), index("campaigns_journey").on(t.journeyId)],
);

/**
 * A frozen group of at most 100 recipients sent in one provider call. Its id is derived
 * from the campaign and its sequence number, so a replayed fan-out step recreates nothing.
 */
export const chunks = sqliteTable(
	"chunks",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id").notNull(),
		campaignId: text("campaign_id").notNull(),
		seq: integer("seq").notNull(),
		status: text("status").$type<"queued" | "frozen" | "paused" | "sent" | "failed" | "cancelled">().notNull(),
		attempts: integer("attempts").notNull().default(0),
		lastError: text("last_error"),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
	},
	(t) => [
		uniqueIndex("chunks_campaign_seq").on(t.campaignId, t.seq),
		index("chunks_campaign_status").on(t.campaignId, t.status),
	],
);

/** The exact bytes of each message of a chunk, written at its first attempt and reused by every retry. */
export const chunkPayloads = sqliteTable(
	"chunk_payloads",
	{
		messageId: text("message_id").primaryKey(),
		chunkId: text("chunk_id").notNull(),
		position: integer("position").notNull(),
		payload: text("payload").notNull(),
	},
	(t) => [index("chunk_payloads_chunk").on(t.chunkId, t.position)],
);

/** Provider webhooks already applied (by `svix-id`), so a redelivery changes nothing. */
export const webhookEvents = sqliteTable("webhook_events", {
	id: text("id").primaryKey(),
	type: text("type").notNull(),
	receivedAt: timestamp("received_at").notNull().default(now),
});
