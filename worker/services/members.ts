import type { Principal } from "../context";
import type { Role } from "../contracts/common";
import type { Db } from "../db/client";
import {
	countOwners,
	deleteMemberStatement,
	findInvitationIn,
	findMembershipIn,
	isMemberByEmail,
	listActiveMembers,
	listPendingInvitations,
	replaceInvitationStatements,
	setMemberRoleStatement,
} from "../db/members";
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
	user_id?: string | null;
	invite_url?: string;
};

/** Active members first (oldest first), then pending invitations. A workspace has at most a few hundred. */
export async function listMembers(db: Db, workspaceId: string): Promise<Member[]> {
	const [active, pending] = await Promise.all([
		listActiveMembers(db, workspaceId),
		listPendingInvitations(db, workspaceId, new Date()),
	]);
	return [
		...active.map((m) => ({
			id: m.id,
			email: m.email,
			name: m.name,
			role: m.role,
			status: "active" as const,
			created_at: m.createdAt.toISOString(),
			user_id: m.userId,
		})),
		...pending.map((i) => ({
			id: i.id,
			email: i.email,
			name: null,
			role: i.role,
			status: "invited" as const,
			created_at: i.createdAt.toISOString(),
			user_id: null,
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
	if (await isMemberByEmail(db, actor.workspaceId, input.email))
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
		...replaceInvitationStatements(db, row),
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
		const invitation = await findInvitationIn(db, workspaceId, id);
		return invitation ? { kind: "invitation" as const, id, role: invitation.role, userId: null } : null;
	}
	const membership = await findMembershipIn(db, workspaceId, id);
	return membership ? { kind: "membership" as const, id, role: membership.role, userId: membership.userId } : null;
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
	if (target.role === "owner" && role !== "owner" && (await countOwners(db, actor.workspaceId)) <= 1) {
		throw new ApiError("conflict", "A workspace needs at least one owner");
	}
	// A demoted member's keys are lowered with them: a key never has more power than its creator.
	const keyCaps = target.userId ? await capKeysOfStatements(db, actor, target.userId, role, ip) : [];
	await db.batch([
		setMemberRoleStatement(db, target.kind, id, role),
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
	if (target.role === "owner" && (await countOwners(db, actor.workspaceId)) <= 1) {
		throw new ApiError("conflict", "A workspace needs at least one owner");
	}
	// Removing a membership also ends its sessions' access: sessions are checked against memberships.
	// The keys they created are revoked with it (and refused anyway once their creator is gone).
	const keyRevocations = target.userId ? await revokeKeysOfStatements(db, actor, target.userId, ip) : [];
	await db.batch([
		deleteMemberStatement(db, target.kind, id),
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
