import { count, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { contactTags } from "./schema-contacts";
import { contactListMembers, contactLists } from "./schema-lists";

/** How much the pickers look at: the newest contacts and events, so the read stays small in any workspace. */
export const FIELD_SAMPLES = { contacts: 500, events: 1000, valuesPerAttribute: 12, attributes: 60 };

/**
 * What the segment builder offers in its pickers, in one D1 round trip: attribute keys and their most
 * frequent values among the newest contacts, tags, recent event names with their property keys,
 * campaigns that have started, and the static lists.
 */
export async function readSegmentFields(db: Db, workspaceId: string) {
	const [attributes, tags, events, started, lists] = await db.batch([
		db
			.select({
				key: sql<string>`j.key`,
				value: sql<string | number>`j.value`,
				type: sql<string>`j.type`,
				contacts: count(),
			})
			.from(
				sql`(SELECT attributes FROM contacts WHERE workspace_id = ${workspaceId} ORDER BY id DESC LIMIT ${FIELD_SAMPLES.contacts}) c, json_each(c.attributes) j`,
			)
			.where(sql`j.type IN ('text', 'integer', 'real', 'true', 'false')`)
			.groupBy(sql`j.key`, sql`j.value`, sql`j.type`)
			.orderBy(sql`j.key`, desc(count())),
		db
			.select({ tag: contactTags.tag, contacts: count() })
			.from(contactTags)
			.where(eq(contactTags.workspaceId, workspaceId))
			.groupBy(contactTags.tag)
			.orderBy(desc(count()))
			.limit(50),
		db
			.select({ name: sql<string>`e.name`, property: sql<string | null>`p.key` })
			.from(
				sql`(SELECT name, properties FROM events WHERE workspace_id = ${workspaceId} ORDER BY id DESC LIMIT ${FIELD_SAMPLES.events}) e LEFT JOIN json_each(e.properties) p`,
			)
			.groupBy(sql`e.name`, sql`p.key`)
			.limit(500),
		db
			.select({ id: campaigns.id, name: campaigns.name, status: campaigns.status })
			.from(campaigns)
			.where(sql`${eq(campaigns.workspaceId, workspaceId)} AND ${isNotNull(campaigns.startedAt)}`)
			.orderBy(desc(campaigns.id))
			.limit(100),
		db
			.select({
				id: contactLists.id,
				name: contactLists.name,
				contacts:
					sql<number>`(SELECT count(*) FROM ${contactListMembers} m WHERE m.list_id = ${contactLists.id})`.mapWith(
						Number,
					),
			})
			.from(contactLists)
			.where(eq(contactLists.workspaceId, workspaceId))
			.orderBy(desc(contactLists.id))
			.limit(100),
	]);
	return { attributes, tags, events, campaigns: started, lists };
}
