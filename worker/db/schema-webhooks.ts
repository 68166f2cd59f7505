import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { WebhookAttempt } from "../contracts/webhook-endpoints";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
const workspaceId = () =>
	text("workspace_id")
		.notNull()
		.references(() => workspaces.id, { onDelete: "cascade" });

/**
 * Where a workspace's events are POSTed (outbound webhooks), signed per Standard Webhooks. Secrets are sealed
 * (`worker/domain/secret-box.ts`, the endpoint id as associated data); after a rotation the previous one keeps
 * signing too until `previous_secret_expires_at`.
 */
export const webhookEndpoints = sqliteTable(
	"webhook_endpoints",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		url: text("url").notNull(),
		events: text("events", { mode: "json" }).$type<string[]>().notNull(),
		enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
		secretSealed: text("secret_sealed").notNull(),
		previousSecretSealed: text("previous_secret_sealed"),
		previousSecretExpiresAt: timestamp("previous_secret_expires_at"),
		/** First failed attempt since the last success; a day of failures disables the endpoint. */
		failingSince: timestamp("failing_since"),
		disabledReason: text("disabled_reason"),
		createdBy: text("created_by"),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
	},
	(t) => [index("webhook_endpoints_workspace").on(t.workspaceId, t.enabled)],
);

/** One event sent to one endpoint; its id is the `webhook-id` header of every attempt and replay. */
export const webhookDeliveries = sqliteTable(
	"webhook_deliveries",
	{
		id: text("id").primaryKey(),
		workspaceId: workspaceId(),
		endpointId: text("endpoint_id")
			.notNull()
			.references(() => webhookEndpoints.id, { onDelete: "cascade" }),
		eventType: text("event_type").notNull(),
		/**
		 * The exact JSON body signed and sent: `{type, timestamp, data}`; once its contact is erased, a marker
		 * (`ERASED_DELIVERY_BODY`, worker/domain/webhooks/delivery-contact.ts) that cannot be replayed.
		 */
		body: text("body").notNull(),
		/** The contact the event is about, if any: erasing them cancels and redacts their deliveries. */
		contactId: text("contact_id"),
		status: text("status").$type<"pending" | "succeeded" | "failed">().notNull().default("pending"),
		/** Attempts in the current schedule (a replay starts a new one); the backoff is chosen from it. */
		roundAttempts: integer("round_attempts").notNull().default(0),
		attempts: text("attempts", { mode: "json" }).$type<WebhookAttempt[]>().notNull().default(sql`'[]'`),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
	},
	(t) => [
		index("webhook_deliveries_endpoint").on(t.endpointId, t.id),
		index("webhook_deliveries_contact").on(t.contactId),
	],
);
