import { sql } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AttributionModel } from "../domain/conversions/attribution";
import { workspaces } from "./schema";

/** A workspace's conversion goal: the event that counts as a conversion, and how email gets the credit. */
export const conversionGoals = sqliteTable("conversion_goals", {
	workspaceId: text("workspace_id")
		.primaryKey()
		.references(() => workspaces.id, { onDelete: "cascade" }),
	event: text("event").notNull(),
	/** The event property holding the revenue (a number or a numeric string); null: conversions only. */
	revenueProperty: text("revenue_property"),
	windowDays: integer("window_days").notNull(),
	model: text("model").$type<AttributionModel>().notNull(),
	/** What counts as the email touching the contact: a click, or also an open. */
	touch: text("touch").$type<"click" | "click_or_open">().notNull(),
	updatedAt: integer("updated_at", { mode: "timestamp_ms" })
		.notNull()
		.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});
