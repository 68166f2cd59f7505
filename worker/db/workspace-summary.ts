import { and, count, desc, eq, sql } from "drizzle-orm";
import { BROADCAST } from "./campaigns";
import type { Db } from "./client";
import { workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";
import { contacts, contactTags, segments } from "./schema-contacts";
import { templates } from "./schema-templates";

/**
 * What the assistant reads to learn a workspace, in one D1 round trip; every part is bounded
 * (newest `contactSample` contacts' attributes, newest `eventSample` event names, short lists).
 */
export async function readWorkspaceSummary(
	db: Db,
	workspaceId: string,
	bounds: { contactSample: number; eventSample: number },
) {
	const [workspace, totals, attributes, tags, events, segmentList, templateList, campaignList] = await db.batch([
		db
			.select({ name: workspaces.name, defaultFromEmail: workspaces.defaultFromEmail })
			.from(workspaces)
			.where(eq(workspaces.id, workspaceId)),
		db
			.select({ total: count(), subscribed: sql<number | null>`sum(${contacts.status} = 'subscribed')` })
			.from(contacts)
			.where(eq(contacts.workspaceId, workspaceId)),
		db
			.select({ key: sql<string>`j.key`, value: sql<unknown>`j.value` })
			.from(
				sql`(SELECT ${contacts.attributes} AS attributes FROM ${contacts} WHERE ${contacts.workspaceId} = ${workspaceId} ORDER BY ${contacts.id} DESC LIMIT ${bounds.contactSample}) c, json_each(c.attributes) j`,
			),
		db
			.select({ tag: contactTags.tag, contacts: count().as("contacts") })
			.from(contactTags)
			.where(eq(contactTags.workspaceId, workspaceId))
			.groupBy(contactTags.tag)
			.orderBy(desc(sql`contacts`))
			.limit(30),
		db
			.select({ name: sql<string>`e.name`, recent: count().as("recent") })
			.from(
				sql`(SELECT name FROM events WHERE workspace_id = ${workspaceId} ORDER BY id DESC LIMIT ${bounds.eventSample}) e`,
			)
			.groupBy(sql`e.name`)
			.orderBy(desc(sql`recent`))
			.limit(20),
		db
			.select({ id: segments.id, name: segments.name })
			.from(segments)
			.where(eq(segments.workspaceId, workspaceId))
			.orderBy(desc(segments.id))
			.limit(30),
		db
			.select({ id: templates.id, name: templates.name, subject: templates.subject })
			.from(templates)
			.where(eq(templates.workspaceId, workspaceId))
			.orderBy(desc(templates.id))
			.limit(30),
		db
			.select({
				id: campaigns.id,
				name: campaigns.name,
				status: campaigns.status,
				createdAt: campaigns.createdAt,
				startedAt: campaigns.startedAt,
				completedAt: campaigns.completedAt,
			})
			.from(campaigns)
			.where(and(eq(campaigns.workspaceId, workspaceId), BROADCAST))
			.orderBy(sql`${campaigns.startedAt} IS NULL`, desc(campaigns.startedAt), desc(campaigns.id))
			.limit(10),
	]);
	return {
		workspace: workspace[0],
		totals: totals[0],
		attributes,
		tags,
		events,
		segments: segmentList,
		templates: templateList,
		campaigns: campaignList,
	};
}
