import { and, eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { suppressions } from "./schema-contacts";

export type SuppressionReason = (typeof suppressions.$inferSelect)["reason"];

export async function findSuppression(db: Db, workspaceId: string, email: string) {
	const [row] = await db
		.select({ reason: suppressions.reason })
		.from(suppressions)
		.where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.email, email)));
	return row;
}

/** Puts the address on the list, or replaces the reason it is there. */
export function suppress(db: Db, workspaceId: string, email: string, reason: SuppressionReason) {
	return db
		.insert(suppressions)
		.values({ workspaceId, email, reason })
		.onConflictDoUpdate({
			target: [suppressions.workspaceId, suppressions.email],
			set: { reason: sql`excluded.reason` },
		});
}

export function unsuppress(db: Db, workspaceId: string, email: string) {
	return db.delete(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.email, email)));
}
