import { and, count, eq, gt } from "drizzle-orm";
import type { Role } from "../contracts/common";
import type { Db } from "./client";
import { invitations, memberships, users } from "./schema";

/** A workspace's members with their user's email and name, oldest first. */
export async function listActiveMembers(db: Db, workspaceId: string) {
	return db
		.select({
			id: memberships.id,
			userId: memberships.userId,
			role: memberships.role,
			createdAt: memberships.createdAt,
			email: users.email,
			name: users.name,
		})
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(eq(memberships.workspaceId, workspaceId))
		.orderBy(memberships.id);
}

/** Invitations of a workspace that can still be accepted, oldest first. */
export async function listPendingInvitations(db: Db, workspaceId: string, now: Date) {
	return db
		.select()
		.from(invitations)
		.where(and(eq(invitations.workspaceId, workspaceId), gt(invitations.expiresAt, now)))
		.orderBy(invitations.id);
}

export async function isMemberByEmail(db: Db, workspaceId: string, email: string): Promise<boolean> {
	const rows = await db
		.select({ id: memberships.id })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.workspaceId, workspaceId), eq(users.email, email)))
		.limit(1);
	return rows.length > 0;
}

export async function findInvitationIn(db: Db, workspaceId: string, id: string) {
	return (
		(await db.query.invitations.findFirst({
			where: and(eq(invitations.id, id), eq(invitations.workspaceId, workspaceId)),
		})) ?? null
	);
}

export async function findMembershipIn(db: Db, workspaceId: string, id: string) {
	return (
		(await db.query.memberships.findFirst({
			where: and(eq(memberships.id, id), eq(memberships.workspaceId, workspaceId)),
		})) ?? null
	);
}

export async function countOwners(db: Db, workspaceId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
	return row?.n ?? 0;
}

/** Inviting the same address again replaces the earlier invitation (and its link). */
export function replaceInvitationStatements(db: Db, row: typeof invitations.$inferInsert) {
	return [
		db.delete(invitations).where(and(eq(invitations.workspaceId, row.workspaceId), eq(invitations.email, row.email))),
		db.insert(invitations).values(row),
	] as const;
}

type MemberKind = "invitation" | "membership";
const tableOf = (kind: MemberKind) => (kind === "invitation" ? invitations : memberships);

export function setMemberRoleStatement(db: Db, kind: MemberKind, id: string, role: Role) {
	const table = tableOf(kind);
	return db.update(table).set({ role }).where(eq(table.id, id));
}

export function deleteMemberStatement(db: Db, kind: MemberKind, id: string) {
	const table = tableOf(kind);
	return db.delete(table).where(eq(table.id, id));
}
