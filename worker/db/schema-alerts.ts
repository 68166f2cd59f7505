import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";

/**
 * When a workspace was last told about a recurring trouble (dead letters growing, provider refusals,
 * a journey's errors), by key: such a notification goes out at most once per window.
 */
export const notificationThrottle = sqliteTable(
	"notification_throttle",
	{
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		key: text("key").notNull(),
		lastAt: integer("last_at", { mode: "timestamp_ms" }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
