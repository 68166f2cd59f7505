import { and, eq, gt } from "drizzle-orm";
import type { Role } from "../contracts/common";
import { newId } from "../domain/ids";
import type { Db } from "./client";
import { invitations, memberships, users, workspaces } from "./schema";

export type UserRow = typeof users.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
	return (await db.query.users.findFirst({ where: eq(users.email, email) })) ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
	return (await db.query.users.findFirst({ where: eq(users.id, id) })) ?? null;
}

/** An invitation by the hash of its token, while it has not expired. */
export async function findLiveInvitation(db: Db, tokenHash: string, now: Date): Promise<InvitationRow | null> {
	return (
		(await db.query.invitations.findFirst({
			where: and(eq(invitations.tokenHash, tokenHash), gt(invitations.expiresAt, now)),
		})) ?? null
	);
}

/** The workspaces a user belongs to, with their role in each, oldest membership first. */
export async function membershipsOfUser(db: Db, userId: string) {
	return db
		.select({ workspace: workspaces, role: memberships.role })
		.from(memberships)
		.innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
		.where(eq(memberships.userId, userId))
		.orderBy(memberships.id);
}

export function insertUserStatement(db: Db, row: typeof users.$inferInsert) {
	return db.insert(users).values(row);
}

/** Adds the user to the workspace; a second call for the same pair changes nothing. */
export function insertMembershipStatement(db: Db, workspaceId: string, userId: string, role: Role) {
	return db
		.insert(memberships)
		.values({ id: newId("mem"), workspaceId, userId, role })
		.onConflictDoNothing();
}

export function deleteInvitationStatement(db: Db, id: string) {
	return db.delete(invitations).where(eq(invitations.id, id));
}
