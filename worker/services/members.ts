import { and, eq, gt } from "drizzle-orm";
import type { Principal } from "../context";
import type { Role } from "../contracts/common";
import type { Db } from "../db/client";
import { invitations, memberships, users } from "../db/schema";
import { randomToken, sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";
import { canManageMember } from "../domain/roles";
import { ApiError, forbidden, notFound } from "../errors";
import { capKeysOfStatements, revokeKeysOfStatements } from "./api-keys";
import { auditInsert } from "./audit";
import { forgetWorkspace } from "./principal-cache";

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;

export type Member = {
	id: string;
	email: string;
	name: string | null;
	role: Role;
	status: "active" | "invited";
	created_at: string;
	invite_url?: string;
};

/** Active members first (oldest first), then pending invitations. A workspace has at most a few hundred. */
export async function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
	const [active, pending] = await Promise.all([
		db
			.select({
				id: memberships.id,
				role: memberships.role,
				createdAt: memberships.createdAt,
				email: users.email,
				name: users.name,
			})
			.from(memberships)
			.innerJoin(users, eq(users.id, memberships.userId))
			.where(eq(memberships.workspaceId, workspaceId))
			.orderBy(memberships.id),
		db
			.select()
			.from(invitations)
			.where(and(eq(invitations.workspaceId, workspaceId), gt(invitations.expiresAt, new Date())))
			.orderBy(invitations.id),
	]);
	return [
		...active.map((m) => ({
			id: m.id,
			email: m.email,
			name: m.name,
			role: m.role,
			status: "active" as const,
			created_at: m.createdAt.toISOString(),
		})),
		...pending.map((i) => ({
			id: i.id,
			email: i.email,
			name: null,
			role: i.role,
			status: "invited" as const,
			created_at: i.createdAt.toISOString(),
		})),
	];
}

/** Invites by email; the returned `invite_url` is shown once to the inviter to share. */
export async function inviteMember(
	db: Db,
	actor: Principal,
	input: { email: string; role: Role },
	origin: string,
	ip: string | null,
): Promise<Member> {
	if (!canManageMember(actor.role, input.role, input.role))
		throw forbidden("You cannot invite someone with a role above your own");
	const already = await db
		.select({ id: memberships.id })
		.from(memberships)
		.innerJoin(users, eq(users.id, memberships.userId))
		.where(and(eq(memberships.workspaceId, actor.workspaceId), eq(users.email, input.email)))
		.limit(1);
	if (already.length > 0)
		throw new ApiError("conflict", "This person is already a member", [{ path: "email", message: "Already a member" }]);
	const token = randomToken(24);
	const row = {
		id: newId("inv"),
		workspaceId: actor.workspaceId,
		email: input.email,
		role: input.role,
		tokenHash: await sha256Hex(token),
		invitedBy: actor.kind === "session" ? actor.userId : actor.apiKeyId,
		expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
		createdAt: new Date(),
	};
	await db.batch([
		// Inviting the same address again replaces the earlier invitation (and its link).
		db
			.delete(invitations)
			.where(and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, input.email))),
		db.insert(invitations).values(row),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "member.invited",
			actor,
			target: { type: "invitation", id: row.id },
			ip,
			metadata: { email: input.email, role: input.role },
		}),
	]);
	return {
		id: row.id,
		email: row.email,
		name: null,
		role: row.role,
		status: "invited",
		created_at: row.createdAt.toISOString(),
		invite_url: `${origin}/invite/${token}`,
	};
}

async function findTarget(db: Db, workspaceId: string, id: string) {
	if (id.startsWith("inv_")) {
		const invitation = await db.query.invitations.findFirst({
			where: and(eq(invitations.id, id), eq(invitations.workspaceId, workspaceId)),
		});
		return invitation ? { kind: "invitation" as const, id, role: invitation.role, userId: null } : null;
	}
	const membership = await db.query.memberships.findFirst({
		where: and(eq(memberships.id, id), eq(memberships.workspaceId, workspaceId)),
	});
	return membership ? { kind: "membership" as const, id, role: membership.role, userId: membership.userId } : null;
}

async function ownerCount(db: Db, workspaceId: string): Promise<number> {
	const owners = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
	return owners.length;
}

export async function changeMemberRole(
	db: Db,
	actor: Principal,
	id: string,
	role: Role,
	ip: string | null,
): Promise<Member> {
	const target = await findTarget(db, actor.workspaceId, id);
	if (!target) throw notFound("Member");
	if (!canManageMember(actor.role, target.role, role)) throw forbidden("You cannot change this member's role");
	if (target.role === "owner" && role !== "owner" && (await ownerCount(db, actor.workspaceId)) <= 1) {
		throw new ApiError("conflict", "A workspace needs at least one owner");
	}
	const table = target.kind === "invitation" ? invitations : memberships;
	// A demoted member's keys are lowered with them: a key never has more power than its creator.
	const keyCaps = target.userId ? await capKeysOfStatements(db, actor, target.userId, role, ip) : [];
	await db.batch([
		db.update(table).set({ role }).where(eq(table.id, id)),
		...keyCaps,
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "member.role_changed",
			actor,
			target: { type: target.kind, id },
			ip,
			metadata: { from: target.role, to: role },
		}),
	]);
	forgetWorkspace(actor.workspaceId);
	const member = (await listMembers(db, actor.workspaceId)).find((m) => m.id === id);
	if (!member) throw notFound("Member");
	return member;
}

export async function removeMember(db: Db, actor: Principal, id: string, ip: string | null): Promise<void> {
	const target = await findTarget(db, actor.workspaceId, id);
	if (!target) throw notFound("Member");
	if (!canManageMember(actor.role, target.role)) throw forbidden("You cannot remove this member");
	if (target.role === "owner" && (await ownerCount(db, actor.workspaceId)) <= 1) {
		throw new ApiError("conflict", "A workspace needs at least one owner");
	}
	const table = target.kind === "invitation" ? invitations : memberships;
	// Removing a membership also ends its sessions' access: sessions are checked against memberships.
	// The keys they created are revoked with it (and refused anyway once their creator is gone).
	const keyRevocations = target.userId ? await revokeKeysOfStatements(db, actor, target.userId, ip) : [];
	await db.batch([
		db.delete(table).where(eq(table.id, id)),
		...keyRevocations,
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "member.removed",
			actor,
			target: { type: target.kind, id },
			ip,
			metadata: { role: target.role },
		}),
	]);
	forgetWorkspace(actor.workspaceId);
}
