import { and, count, desc, eq, lt, not, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { ContactStatus } from "../contracts/contacts";
import type { SegmentDefinition } from "../contracts/segments";
import type { CompiledSegment, SqlParam } from "../domain/segments/compile";
import { type CountPlan, compileCount } from "../domain/segments/count";
import type { Db } from "./client";
import { columns, inJson, value } from "./json-each";
import { contactStatusHistory, contacts, contactTags, events, suppressions } from "./schema-contacts";
import { contactListMembers } from "./schema-lists";
import { optedOutOfTopic } from "./topics";

export type ContactRow = typeof contacts.$inferSelect;

/** `contacts` under the name the segment compiler's SQL uses for it (`c`). */
export const c = alias(contacts, "c");

/** Re-exported for the modules that import it from here. */
export { inJson };

/** Compiler output (SQL text with `?` placeholders) as a drizzle SQL chunk, its parameters bound in order. */
function compiledSql(text: string, params: readonly SqlParam[]): SQL {
	const parts = text.split("?");
	if (parts.length !== params.length + 1) throw new Error("compiled segment: placeholders and parameters differ");
	const chunks = [sql.raw(parts[0] ?? "")];
	for (const [i, param] of params.entries()) chunks.push(sql`${param}`, sql.raw(parts[i + 1] ?? ""));
	return sql.join(chunks);
}

/** The segment compiler's output (SQL text over `c` with `?` placeholders) as a drizzle condition. */
export const segmentCondition = ({ where, params }: CompiledSegment): SQL => sql`(${compiledSql(where, params)})`;

/**
 * What a count reads: the workspace's contacts (`c`), or only those of the plan's members set, each looked up by
 * primary key (CROSS JOIN keeps the set as the outer loop).
 */
const countSource = ({ members }: CountPlan) =>
	members
		? sql`(${compiledSql(members.sql, members.params)}) m CROSS JOIN ${contacts} c ON c.id = m.id`
		: sql`${contacts} c`;

/**
 * A contact who may be mailed: subscribed, and the address not on the workspace's suppression list.
 * The one definition of "sendable" (fan-out, freeze and audience counts use it).
 */
export const sendableContact = (t: { status: SQLiteColumn; workspaceId: SQLiteColumn; email: SQLiteColumn } = c) =>
	sql`(${t.status} = 'subscribed' AND NOT EXISTS (SELECT 1 FROM ${suppressions} WHERE ${suppressions.workspaceId} = ${t.workspaceId} AND ${suppressions.email} = ${t.email}))`;

/** Contacts of a workspace matching a segment (compiled for counting), whatever their status. */
export async function countContacts(db: Db, workspaceId: string, plan: CountPlan): Promise<number> {
	if (plan.members && plan.membersOnly) {
		const [only] = await db.select({ n: count() }).from(sql`(${compiledSql(plan.members.sql, plan.members.params)})`);
		return only?.n ?? 0;
	}
	const [row] = await db
		.select({ n: count() })
		.from(countSource(plan))
		.where(and(eq(c.workspaceId, workspaceId), segmentCondition(plan.rest)));
	return row?.n ?? 0;
}

/**
 * The audience of a send: the contacts of the segment (every contact without one) who are sendable,
 * i.e. the number of recipients a send would mail. The one audience count.
 */
export async function countAudience(
	db: Db,
	workspaceId: string,
	segment: SegmentDefinition | null,
	now = Date.now(),
	topicId: string | null = null,
): Promise<number> {
	const plan = segment ? compileCount(segment, { workspaceId, now }) : null;
	const [row] = await db
		.select({ n: count() })
		.from(plan ? countSource(plan) : sql`${contacts} c`)
		.where(
			and(
				eq(c.workspaceId, workspaceId),
				plan ? segmentCondition(plan.rest) : undefined,
				sendableContact(c),
				// A campaign about a topic leaves out who opted out of it, as its fan-out does.
				topicId ? not(optedOutOfTopic(topicId, c.id)) : undefined,
			),
		);
	return row?.n ?? 0;
}

export type ContactFilter = {
	status?: ContactStatus;
	tag?: string;
	/** Matches the email or the full name, ignoring case. */
	q?: string;
	segment?: CompiledSegment;
	/** On this static list. */
	listId?: string;
};

/** Newest first, ids below `beforeId`; `limit` rows (ask for one more to know if another page exists). */
export function contactPage(
	db: Db,
	workspaceId: string,
	filter: ContactFilter,
	page: { beforeId: string; limit: number },
): Promise<ContactRow[]> {
	const conditions = [
		eq(c.workspaceId, workspaceId),
		filter.status ? eq(c.status, filter.status) : undefined,
		filter.tag
			? sql`EXISTS (SELECT 1 FROM ${contactTags} WHERE ${contactTags.contactId} = ${c.id} AND ${contactTags.tag} = ${filter.tag})`
			: undefined,
		filter.q
			? sql`(instr(${c.email}, lower(${filter.q})) > 0 OR instr(lower(coalesce(${c.firstName}, '') || ' ' || coalesce(${c.lastName}, '')), lower(${filter.q})) > 0)`
			: undefined,
		filter.segment ? segmentCondition(filter.segment) : undefined,
		filter.listId
			? sql`EXISTS (SELECT 1 FROM ${contactListMembers} WHERE ${contactListMembers.listId} = ${filter.listId} AND ${contactListMembers.contactId} = ${c.id})`
			: undefined,
		lt(c.id, page.beforeId),
	];
	return db
		.select()
		.from(c)
		.where(and(...conditions))
		.orderBy(desc(c.id))
		.limit(page.limit);
}

/** The newest contacts of a workspace matching a compiled segment. */
export function segmentSample(db: Db, workspaceId: string, segment: CompiledSegment, limit: number) {
	return db
		.select()
		.from(c)
		.where(and(eq(c.workspaceId, workspaceId), segmentCondition(segment)))
		.orderBy(desc(c.id))
		.limit(limit);
}

export async function findContactRow(db: Db, workspaceId: string, id: string): Promise<ContactRow | undefined> {
	const [row] = await db
		.select()
		.from(contacts)
		.where(and(eq(contacts.id, id), eq(contacts.workspaceId, workspaceId)));
	return row;
}

export async function findContactByEmail(db: Db, workspaceId: string, email: string): Promise<ContactRow | undefined> {
	const [row] = await db
		.select()
		.from(contacts)
		.where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.email, email)));
	return row;
}

/** Tags of many contacts in one query (one bound parameter, whatever the page size), each list sorted. */
export async function tagsOfContacts(db: Db, contactIds: string[]): Promise<Map<string, string[]>> {
	const tags = new Map<string, string[]>(contactIds.map((id) => [id, []]));
	if (contactIds.length === 0) return tags;
	const rows = await db
		.select({ contactId: contactTags.contactId, tag: contactTags.tag })
		.from(contactTags)
		.where(inJson(contactTags.contactId, contactIds))
		.orderBy(contactTags.tag);
	for (const r of rows) tags.get(r.contactId)?.push(r.tag);
	return tags;
}

/** The latest status changes of a contact, newest first. */
export function statusHistory(db: Db, contactId: string, limit: number) {
	return db
		.select({
			from: contactStatusHistory.fromStatus,
			to: contactStatusHistory.toStatus,
			source: contactStatusHistory.source,
			at: contactStatusHistory.createdAt,
		})
		.from(contactStatusHistory)
		.where(eq(contactStatusHistory.contactId, contactId))
		.orderBy(desc(contactStatusHistory.id))
		.limit(limit);
}

/** The latest custom events of a contact, newest first. */
export function recentEvents(db: Db, contactId: string, limit: number) {
	return db
		.select({ id: events.id, name: events.name, properties: events.properties, occurredAt: events.occurredAt })
		.from(events)
		.where(eq(events.contactId, contactId))
		.orderBy(desc(events.occurredAt))
		.limit(limit);
}

type ContactFields = Pick<ContactRow, "firstName" | "lastName" | "attributes" | "timezone" | "locale" | "status">;

export function insertContact(
	db: Db,
	row: ContactFields & { id: string; workspaceId: string; email: string; at: Date },
) {
	const { at, ...fields } = row;
	return db.insert(contacts).values({ ...fields, createdAt: at, updatedAt: at });
}

export function updateContact(db: Db, id: string, fields: ContactFields & { at: Date }) {
	const { at, ...rest } = fields;
	return db
		.update(contacts)
		.set({ ...rest, updatedAt: at })
		.where(eq(contacts.id, id));
}

export function setConsent(
	db: Db,
	id: string,
	consent: { source: string; text: string | null; at: Date; ip: string | null },
) {
	return db
		.update(contacts)
		.set({ consentSource: consent.source, consentText: consent.text, consentAt: consent.at, consentIp: consent.ip })
		.where(eq(contacts.id, id));
}

export function clearTags(db: Db, contactId: string) {
	return db.delete(contactTags).where(eq(contactTags.contactId, contactId));
}

/** Adds tags (already present ones are kept); the list travels as one JSON parameter. */
export function addTags(db: Db, workspaceId: string, contactId: string, tags: string[]) {
	return db
		.insert(contactTags)
		.select(
			db
				.select(columns({ workspaceId: value(workspaceId), contactId: value(contactId), tag: sql<string>`value` }))
				.from(sql`json_each(${JSON.stringify(tags)})`)
				.where(sql`true`),
		)
		.onConflictDoNothing();
}

export function recordStatusChange(
	db: Db,
	change: {
		id: string;
		workspaceId: string;
		contactId: string;
		from: ContactStatus | null;
		to: ContactStatus;
		source: string;
	},
) {
	return db.insert(contactStatusHistory).values({
		id: change.id,
		workspaceId: change.workspaceId,
		contactId: change.contactId,
		fromStatus: change.from,
		toStatus: change.to,
		source: change.source,
	});
}
