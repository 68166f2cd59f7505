import { and, asc, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { templates } from "./schema-templates";

export type TemplateRow = typeof templates.$inferSelect;
export type NewTemplate = typeof templates.$inferInsert;
export type TemplateChange = Pick<
	TemplateRow,
	"name" | "subject" | "preheader" | "html" | "text" | "editor" | "blocks" | "updatedAt" | "category" | "archivedAt"
>;
/** Which shelf of the library: one category (all when absent), archived templates or those in use. */
export type TemplateShelf = { category?: string; archived?: boolean };

export async function findTemplateRow(db: Db, workspaceId: string, id: string): Promise<TemplateRow | undefined> {
	const [row] = await db
		.select()
		.from(templates)
		.where(and(eq(templates.id, id), eq(templates.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

/** Newest first, ids below `beforeId`, on one shelf of the library (by default every template in use). */
export function templatePage(
	db: Db,
	workspaceId: string,
	beforeId: string,
	limit: number,
	shelf: TemplateShelf = {},
): Promise<TemplateRow[]> {
	return db
		.select()
		.from(templates)
		.where(
			and(
				eq(templates.workspaceId, workspaceId),
				lt(templates.id, beforeId),
				shelf.archived ? isNotNull(templates.archivedAt) : isNull(templates.archivedAt),
				shelf.category === undefined ? undefined : eq(templates.category, shelf.category),
			),
		)
		.orderBy(desc(templates.id))
		.limit(limit);
}

/** The library's shelves: each category (null = uncategorised) with how many templates are in use and archived. */
export function templateCategories(db: Db, workspaceId: string) {
	return db
		.select({
			category: templates.category,
			templates: sql<number>`sum(${templates.archivedAt} is null)`.mapWith(Number),
			archived: sql<number>`sum(${templates.archivedAt} is not null)`.mapWith(Number),
		})
		.from(templates)
		.where(eq(templates.workspaceId, workspaceId))
		.groupBy(templates.category)
		.orderBy(asc(templates.category));
}

export async function insertTemplate(db: Db, row: NewTemplate): Promise<void> {
	await db.insert(templates).values(row);
}

export async function updateTemplateRow(
	db: Db,
	workspaceId: string,
	id: string,
	change: TemplateChange,
): Promise<void> {
	await db
		.update(templates)
		.set(change)
		.where(and(eq(templates.id, id), eq(templates.workspaceId, workspaceId)));
}

export async function deleteTemplateRow(db: Db, workspaceId: string, id: string): Promise<void> {
	await db.delete(templates).where(and(eq(templates.id, id), eq(templates.workspaceId, workspaceId)));
}
