import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client";
import { sendingDomains } from "./schema";

export type SendingDomainRow = typeof sendingDomains.$inferSelect;
export type NewSendingDomain = typeof sendingDomains.$inferInsert;
export type SendingDomainChange = Partial<Pick<SendingDomainRow, "status" | "providerId" | "records" | "verifiedAt">>;

export function domainsOfWorkspace(db: Db, workspaceId: string): Promise<SendingDomainRow[]> {
	return db
		.select()
		.from(sendingDomains)
		.where(eq(sendingDomains.workspaceId, workspaceId))
		.orderBy(asc(sendingDomains.domain));
}

export async function verifiedDomainNames(db: Db, workspaceId: string): Promise<string[]> {
	const rows = await db
		.select({ domain: sendingDomains.domain })
		.from(sendingDomains)
		.where(and(eq(sendingDomains.workspaceId, workspaceId), eq(sendingDomains.status, "verified")));
	return rows.map((r) => r.domain);
}

/** Whoever holds a domain, in any workspace (the name is unique across workspaces). */
export async function findDomainByName(db: Db, domain: string): Promise<SendingDomainRow | undefined> {
	const [row] = await db.select().from(sendingDomains).where(eq(sendingDomains.domain, domain)).limit(1);
	return row;
}

export async function findDomainOfWorkspace(
	db: Db,
	workspaceId: string,
	id: string,
): Promise<SendingDomainRow | undefined> {
	const [row] = await db
		.select()
		.from(sendingDomains)
		.where(and(eq(sendingDomains.id, id), eq(sendingDomains.workspaceId, workspaceId)))
		.limit(1);
	return row;
}

/** Inserts unless the name is taken (by any workspace); returns the new row, or undefined when taken. */
export async function insertDomain(db: Db, row: NewSendingDomain): Promise<SendingDomainRow | undefined> {
	const [inserted] = await db.insert(sendingDomains).values(row).onConflictDoNothing().returning();
	return inserted;
}

export function updateDomainStatement(db: Db, workspaceId: string, id: string, change: SendingDomainChange) {
	return db
		.update(sendingDomains)
		.set(change)
		.where(and(eq(sendingDomains.id, id), eq(sendingDomains.workspaceId, workspaceId)));
}

export function deleteDomainStatement(db: Db, workspaceId: string, id: string) {
	return db.delete(sendingDomains).where(and(eq(sendingDomains.id, id), eq(sendingDomains.workspaceId, workspaceId)));
}
