import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";

const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * Outbound webhook events not yet taken by the WEBHOOKS queue: written before (or with) the change they tell of,
 * deleted once enqueued. The cron re-enqueues what is left (a refused enqueue, a worker that died in between);
 * the row id is the event's key, so each re-send is the same delivery at every endpoint.
 */
export const webhookOutbox = sqliteTable(
	"webhook_outbox",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		/** The event as JSON: `{type, data, at, key}` (see services/webhook-outbox.ts). */
		event: text("event").notNull(),
		/** Failed re-sends by the cron; the next waits longer. */
		attempts: integer("attempts").notNull().default(0),
		/** When the cron may send it (a minute after it was written, later after each failure). */
		nextTryAt: timestamp("next_try_at").notNull(),
		createdAt: timestamp("created_at").notNull(),
	},
	(t) => [index("webhook_outbox_due").on(t.nextTryAt)],
);
