import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { JourneyDefinition, JourneyStatus } from "../contracts/journeys";
import { workspaces } from "./schema";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });

/** A journey: its current definition (the draft, or the latest version once activated) and lifecycle status. */
export const journeys = sqliteTable(
	"journeys",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		status: text("status").$type<JourneyStatus>().notNull(),
		version: integer("version").notNull(),
		definition: text("definition", { mode: "json" }).$type<JourneyDefinition>().notNull(),
		transactional: integer("transactional", { mode: "boolean" }).notNull().default(false),
		createdAt: timestamp("created_at").notNull().default(now),
		updatedAt: timestamp("updated_at").notNull().default(now),
		activatedAt: timestamp("activated_at"),
	},
	(t) => [index("journeys_workspace").on(t.workspaceId, t.id)],
);

/** Every activated version of a journey's definition: contacts in flight finish on theirs. */
export const journeyVersions = sqliteTable(
	"journey_versions",
	{
		journeyId: text("journey_id")
			.notNull()
			.references(() => journeys.id, { onDelete: "cascade" }),
		version: integer("version").notNull(),
		definition: text("definition", { mode: "json" }).$type<JourneyDefinition>().notNull(),
		createdAt: timestamp("created_at").notNull().default(now),
	},
	(t) => [primaryKey({ columns: [t.journeyId, t.version] })],
);
