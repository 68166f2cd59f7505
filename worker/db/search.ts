import { and, count, desc, eq, gte, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { campaigns } from "./schema-campaigns";
import { contacts, segments } from "./schema-contacts";
import { journeys } from "./schema-journeys";
import { templates } from "./schema-templates";

/** `changedSince`: only rows updated at or after it (the date facet). */
export type SearchFilter = { q?: string; status?: string; tag?: string; changedSince?: Date };
export type SearchHit = { id: string; name: string; status: string | null; snippet: string | null; updatedAt: Date };

/** Facet counts stop at this many rows per type, so a facet never scans a whole large table. */
export const FACET_SCAN = 1000;

const contains = (column: SQLiteColumn | SQL, q: string) => sql`instr(lower(${column}), lower(${q})) > 0`;

type Source = {
	table: SQLiteTable;
	id: SQLiteColumn;
	name: SQLiteColumn | SQL;
	status: SQL<string | null>;
	snippet: SQL<string | null>;
	workspaceId: SQLiteColumn;
	/** When the row last changed. */
	updated: SQLiteColumn;
	/** What `q` is looked for in. */
	text: (SQLiteColumn | SQL)[];
	/** The tag condition, or null when this type has no tags (then a tag filter leaves it out). */
	tagged: ((tag: string) => SQL) | null;
};

// Subqueries name their tables with aliases: drizzle leaves the columns of a one-table select unqualified.
const campaignStatus = sql<string>`case when exists (select 1 from campaign_archive a where a.campaign_id = campaigns.id) then 'archived' else campaigns.status end`;

export const SOURCES = {
	campaign: {
		table: campaigns,
		id: campaigns.id,
		name: campaigns.name,
		status: campaignStatus,
		snippet: sql<string>`coalesce((select t.subject from templates t where t.id = campaigns.template_id), '')`,
		workspaceId: campaigns.workspaceId,
		updated: campaigns.updatedAt,
		text: [campaigns.name],
		tagged: (tag) => sql`exists (select 1 from campaign_tags t where t.campaign_id = campaigns.id and t.tag = ${tag})`,
	},
	journey: {
		table: journeys,
		id: journeys.id,
		name: journeys.name,
		status: sql<string>`${journeys.status}`,
		snippet: sql<string>`'version ' || ${journeys.version}`,
		workspaceId: journeys.workspaceId,
		updated: journeys.updatedAt,
		text: [journeys.name],
		tagged: null,
	},
	template: {
		table: templates,
		id: templates.id,
		name: templates.name,
		status: sql<string>`case when ${templates.archivedAt} is null then 'active' else 'archived' end`,
		snippet: sql<string>`${templates.subject}`,
		workspaceId: templates.workspaceId,
		updated: templates.updatedAt,
		text: [templates.name, templates.subject],
		tagged: (tag) => eq(templates.category, tag),
	},
	segment: {
		table: segments,
		id: segments.id,
		name: segments.name,
		status: sql<null>`null`,
		snippet: sql<string>`coalesce(${segments.cachedCount} || ' contacts', '')`,
		workspaceId: segments.workspaceId,
		updated: segments.updatedAt,
		text: [segments.name],
		tagged: null,
	},
	contact: {
		table: contacts,
		id: contacts.id,
		name: contacts.email,
		status: sql<string>`${contacts.status}`,
		snippet: sql<string>`trim(coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, ''))`,
		workspaceId: contacts.workspaceId,
		updated: contacts.updatedAt,
		text: [contacts.email, sql`coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, '')`],
		tagged: (tag) => sql`exists (select 1 from contact_tags t where t.contact_id = contacts.id and t.tag = ${tag})`,
	},
} satisfies Record<string, Source>;

export type SearchType = keyof typeof SOURCES;

/** The rows of one type matching the filter (null: a tag filter on a type without tags matches nothing). */
function matching(source: Source, workspaceId: string, f: SearchFilter, withStatus: boolean): SQL | null {
	if (f.tag && !source.tagged) return null;
	return (
		and(
			eq(source.workspaceId, workspaceId),
			f.q
				? sql`(${sql.join(
						source.text.map((t) => contains(t, f.q ?? "")),
						sql` or `,
					)})`
				: undefined,
			f.tag && source.tagged ? source.tagged(f.tag) : undefined,
			withStatus && f.status ? sql`${source.status} = ${f.status}` : undefined,
			f.changedSince ? gte(source.updated, f.changedSince) : undefined,
		) ?? null
	);
}

/** The newest matches of one type, at most `limit`. */
export async function searchType(db: Db, type: SearchType, workspaceId: string, f: SearchFilter, limit: number) {
	const source: Source = SOURCES[type];
	const where = matching(source, workspaceId, f, true);
	if (!where) return [];
	return db
		.select({
			id: source.id,
			name: sql<string>`${source.name}`,
			status: source.status,
			snippet: source.snippet,
			updatedAt: source.updated,
		})
		.from(source.table)
		.where(where)
		.orderBy(desc(source.id))
		.limit(limit) as Promise<SearchHit[]>;
}

/** How many of one type match, per status, ignoring the status filter (each count stops at FACET_SCAN rows). */
export async function facetOfType(db: Db, type: SearchType, workspaceId: string, f: SearchFilter) {
	const source: Source = SOURCES[type];
	const where = matching(source, workspaceId, f, false);
	if (!where) return [];
	const scanned = db
		.select({ status: sql<string | null>`${source.status}`.as("status") })
		.from(source.table)
		.where(where)
		.limit(FACET_SCAN)
		.as("scanned");
	return db.select({ status: scanned.status, n: count() }).from(scanned).groupBy(sql`${scanned.status}`);
}
