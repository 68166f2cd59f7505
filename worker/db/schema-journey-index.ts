import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Which journeys a contact is in, mirrored from the journey shards in batches (the shards hold the enrollments;
 * this answers "this contact's journeys" without asking every journey's objects).
 */
export const journeyEnrollmentsIndex = sqliteTable(
	"journey_enrollments_index",
	{
		journeyId: text("journey_id").notNull(),
		contactId: text("contact_id").notNull(),
		enrollmentId: text("enrollment_id").notNull(),
		workspaceId: text("workspace_id").notNull(),
		status: text("status").notNull(),
		updatedAt: integer("updated_at").notNull(),
	},
	(t) => [
		primaryKey({ columns: [t.journeyId, t.enrollmentId] }),
		index("journey_enrollments_index_contact").on(t.contactId, t.updatedAt),
	],
);
