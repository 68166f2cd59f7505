import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { workspaces } from "./schema";

/**
 * A Shopify store sending its webhooks to Pulse (`POST /webhooks/shopify/:id`). The signing secret Shopify shows
 * for the store's webhooks is sealed (`worker/domain/secret-box.ts`, the connection id as associated data).
 */
export const shopifyConnections = sqliteTable(
	"shopify_connections",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		shopDomain: text("shop_domain").notNull(),
		secretSealed: text("secret_sealed").notNull(),
		createdAt: integer("created_at", { mode: "timestamp_ms" })
			.notNull()
			.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
	},
	(t) => [index("shopify_connections_workspace").on(t.workspaceId)],
);
