import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { memberships, users, workspaces } from "./schema";

/**
 * A user with every workspace they belong to (oldest membership first) and their role in
 * each, in one query; empty when the user has no membership left.
 */
export async function findUserWithWorkspaces(db: Db, userId: string) {
	return db
		.select({ user: users, workspace: workspaces, role: memberships.role })
		.from(memberships)
		.innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.userId, userId))
		.orderBy(memberships.id);
}
