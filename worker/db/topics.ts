import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { contacts } from "./schema-contacts";
import { campaignTopics, contactTopicOptOuts, topics } from "./schema-sending";

export type TopicRow = typeof topics.$inferSelect;

/**
 * True when the contact opted out of the topic the campaign is about (a campaign without one reaches everyone):
 * such a contact is not mailed by it. The fan-out and the freeze ask it with the campaign's id.
 */
export const optedOutOfCampaignTopic = (campaignId: string | SQLiteColumn, contactId: SQLiteColumn | SQL): SQL =>
	sql`EXISTS (SELECT 1 FROM ${campaignTopics} ct JOIN ${contactTopicOptOuts} o ON o.topic_id = ct.topic_id WHERE ct.campaign_id = ${campaignId} AND o.contact_id = ${contactId})`;

/** True when the contact opted out of this topic (for audience counts before or without a campaign). */
export const optedOutOfTopic = (topicId: string, contactId: SQLiteColumn | SQL): SQL =>
	sql`EXISTS (SELECT 1 FROM ${contactTopicOptOuts} o WHERE o.topic_id = ${topicId} AND o.contact_id = ${contactId})`;

/** The workspace's topics by name, each with how many contacts opted out of it. */
export function topicsOfWorkspace(db: Db, workspaceId: string) {
	return db
		.select({
			id: topics.id,
			name: topics.name,
			description: topics.description,
			createdAt: topics.createdAt,
			optedOut: sql<number>`(SELECT count(*) FROM ${contactTopicOptOuts} o WHERE o.topic_id = ${topics.id})`.mapWith(
				Number,
			),
		})
		.from(topics)
		.where(eq(topics.workspaceId, workspaceId))
		.orderBy(asc(topics.name));
}

export async function findTopic(db: Db, workspaceId: string, id: string): Promise<TopicRow | undefined> {
	const [row] = await db
		.select()
		.from(topics)
		.where(and(eq(topics.id, id), eq(topics.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

/** Inserts unless the workspace has a topic of that name; answers the new row, or undefined when taken. */
export async function insertTopic(db: Db, row: typeof topics.$inferInsert): Promise<TopicRow | undefined> {
	const [inserted] = await db.insert(topics).values(row).onConflictDoNothing().returning();
	return inserted;
}

export function updateTopicStatement(
	db: Db,
	workspaceId: string,
	id: string,
	change: Partial<Pick<TopicRow, "name" | "description">>,
) {
	return db
		.update(topics)
		.set(change)
		.where(and(eq(topics.id, id), eq(topics.workspaceId, workspaceId)));
}

export function deleteTopicStatement(db: Db, workspaceId: string, id: string) {
	return db.delete(topics).where(and(eq(topics.id, id), eq(topics.workspaceId, workspaceId)));
}

export async function countTopics(db: Db, workspaceId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(topics).where(eq(topics.workspaceId, workspaceId));
	return row?.n ?? 0;
}

/** The topics a contact opted out of. */
export async function optOutsOf(db: Db, contactId: string): Promise<string[]> {
	const rows = await db
		.select({ topicId: contactTopicOptOuts.topicId })
		.from(contactTopicOptOuts)
		.where(eq(contactTopicOptOuts.contactId, contactId));
	return rows.map((r) => r.topicId);
}

/** D1 binds at most 100 parameters per statement: 33 opt-outs of 3 values. */
const OPT_OUTS_PER_INSERT = 33;

/**
 * Replaces a contact's opt-outs with exactly these topics of the workspace and marks the contact updated, in one
 * batch (with `also`, e.g. the change's webhook events).
 */
export async function setOptOuts(
	db: Db,
	workspaceId: string,
	contactId: string,
	topicIds: string[],
	at: Date,
	also: BatchItem<"sqlite">[] = [],
) {
	const clear = db.delete(contactTopicOptOuts).where(eq(contactTopicOptOuts.contactId, contactId));
	const touch = db
		.update(contacts)
		.set({ updatedAt: at })
		.where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId)));
	const rows = topicIds.map((topicId) => ({ contactId, topicId, workspaceId }));
	const inserts = Array.from({ length: Math.ceil(rows.length / OPT_OUTS_PER_INSERT) }, (_, i) =>
		db
			.insert(contactTopicOptOuts)
			.values(rows.slice(i * OPT_OUTS_PER_INSERT, (i + 1) * OPT_OUTS_PER_INSERT))
			.onConflictDoNothing(),
	);
	await db.batch([clear, ...inserts, touch, ...also]);
}

/** Campaign id → topic id, for the campaigns that have one. */
export async function topicsOfCampaigns(db: Db, campaignIds: string[]): Promise<Map<string, string>> {
	if (campaignIds.length === 0) return new Map();
	const rows = await db.select().from(campaignTopics).where(inJson(campaignTopics.campaignId, campaignIds));
	return new Map(rows.map((r) => [r.campaignId, r.topicId]));
}

/** Sets (or with null clears) the topic a campaign is about. */
export async function setCampaignTopic(db: Db, campaignId: string, topicId: string | null) {
	if (topicId === null) return void (await db.delete(campaignTopics).where(eq(campaignTopics.campaignId, campaignId)));
	await db
		.insert(campaignTopics)
		.values({ campaignId, topicId })
		.onConflictDoUpdate({ target: campaignTopics.campaignId, set: { topicId } });
}
