import { and, eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { campaigns } from "./schema-campaigns";
import { contacts, segments } from "./schema-contacts";
import { journeys } from "./schema-journeys";
import { contactLists } from "./schema-lists";
import { templates } from "./schema-templates";

type Named = { table: SQLiteTable; id: SQLiteColumn; workspaceId: SQLiteColumn; name: SQLiteColumn };

/** Where an audit target's name lives: its own name, or a contact's address. */
const NAMED: Record<string, Named> = {
	campaign: { table: campaigns, id: campaigns.id, workspaceId: campaigns.workspaceId, name: campaigns.name },
	journey: { table: journeys, id: journeys.id, workspaceId: journeys.workspaceId, name: journeys.name },
	template: { table: templates, id: templates.id, workspaceId: templates.workspaceId, name: templates.name },
	segment: { table: segments, id: segments.id, workspaceId: segments.workspaceId, name: segments.name },
	list: { table: contactLists, id: contactLists.id, workspaceId: contactLists.workspaceId, name: contactLists.name },
	contact: { table: contacts, id: contacts.id, workspaceId: contacts.workspaceId, name: contacts.email },
};

export const targetKey = (type: string, id: string) => `${type}:${id}`;

/**
 * The current names of a page of audit targets (`type:id` → name), one query per kind present; a target deleted
 * (or a contact erased) since has none.
 */
export async function targetNames(
	db: Db,
	workspaceId: string,
	targets: { type: string | null; id: string | null }[],
): Promise<Map<string, string>> {
	const idsByType = new Map<string, Set<string>>();
	for (const t of targets)
		if (t.type && t.id && NAMED[t.type]) idsByType.set(t.type, (idsByType.get(t.type) ?? new Set()).add(t.id));
	const names = new Map<string, string>();
	await Promise.all(
		[...idsByType].map(async ([type, ids]) => {
			const named = NAMED[type] as Named;
			const rows = await db
				.select({ id: named.id, name: named.name })
				.from(named.table)
				.where(and(eq(named.workspaceId, workspaceId), inJson(named.id, [...ids])));
			for (const row of rows) names.set(targetKey(type, String(row.id)), String(row.name));
		}),
	);
	return names;
}
