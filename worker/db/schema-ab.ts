import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { AbMetricName, AbPhase } from "../contracts/ab";
import { campaigns } from "./schema-campaigns";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A campaign's A/B variants (2 to 8), in order: each may replace the template, subject, preheader or from name. */
export const campaignVariants = sqliteTable(
	"campaign_variants",
	{
		id: text("id").primaryKey(),
		campaignId: text("campaign_id")
			.notNull()
			.references(() => campaigns.id, { onDelete: "cascade" }),
		position: integer("position").notNull(),
		name: text("name").notNull(),
		templateId: text("template_id"),
		subject: text("subject"),
		preheader: text("preheader"),
		fromName: text("from_name"),
	},
	(t) => [index("campaign_variants_campaign").on(t.campaignId, t.position)],
);

/**
 * A campaign's A/B test: its settings, and (mirrored from the campaign object, which decides) its phase and winner.
 */
export const campaignAbTests = sqliteTable("campaign_ab_tests", {
	campaignId: text("campaign_id")
		.primaryKey()
		.references(() => campaigns.id, { onDelete: "cascade" }),
	testPercent: integer("test_percent").notNull(),
	metric: text("metric").$type<AbMetricName>().notNull(),
	goalEvent: text("goal_event"),
	goalWindow: text("goal_window"),
	duration: text("duration").notNull(),
	autoSendWinner: integer("auto_send_winner", { mode: "boolean" }).notNull(),
	/** null until the campaign starts sending */
	phase: text("phase").$type<AbPhase>(),
	startedAt: timestamp("started_at"),
	winnerVariantId: text("winner_variant_id"),
	winnerSignificant: integer("winner_significant", { mode: "boolean" }),
	winnerReason: text("winner_reason"),
	decidedAt: timestamp("decided_at"),
	/** The first chunk of the winner phase: test messages are those in earlier chunks (chunk ids sort by sequence). */
	winnerFromChunk: text("winner_from_chunk"),
	updatedAt: timestamp("updated_at").notNull().default(now),
});
