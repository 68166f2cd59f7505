import type { Role } from "../contracts/common";
import {
	deleteInvitationStatement,
	findLiveInvitation,
	findUserByEmail,
	findUserById,
	insertMembershipStatement,
	insertUserStatement,
	membershipsOfUser,
} from "../db/accounts";
import type { Db } from "../db/client";
import { findWorkspace, insertWorkspaceStatement } from "../db/workspaces";
import { sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../domain/password";
import { ApiError } from "../errors";
import { auditInsert, recordAudit } from "./audit";
import { forgetUser } from "./principal-cache";
import { type Limit, takeAttempt } from "./rate-limit";

const FIFTEEN_MINUTES = 15 * 60_000;
const ONE_HOUR = 60 * 60_000;
/**
 * Failed sign-ins are limited per email and address (so someone guessing elsewhere cannot
 * lock the owner out), per email across all addresses (slower), and per address.
 */
export const loginLimits = (email: string, ip: string | null): Limit[] => [
	{ key: `login:email-ip:${email}|${ip ?? "-"}`, max: 5, windowMs: FIFTEEN_MINUTES },
	{ key: `login:email:${email}`, max: 50, windowMs: ONE_HOUR },
	...(ip ? [{ key: `login:ip:${ip}`, max: 30, windowMs: FIFTEEN_MINUTES }] : []),
];
/** This machine: only a local run (wrangler dev) sees it; at the edge the address is always the real client's. */
const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
/** Sign-ups per address, except from this machine (a local run and its test scripts sign up as often as they like). */
const signupLimits = (ip: string | null): Limit[] =>
	ip && !LOOPBACK.test(ip) ? [{ key: `signup:ip:${ip}`, max: 20, windowMs: 60 * 60_000 }] : [];

type SignupInput = { email: string; password: string; name: string; workspace_name?: string; invite_token?: string };

export async function findInvitation(db: Db, token: string) {
	const tokenHash = await sha256Hex(token);
	const invitation = await findLiveInvitation(db, tokenHash, new Date());
	if (!invitation) throw new ApiError("not_found", "This invitation is invalid or has expired");
	return invitation;
}

/** Creates the user and either a new workspace they own or, with an invitation, joins its workspace. */
export async function signup(db: Db, input: SignupInput, ip: string | null) {
	await takeAttempt(db, signupLimits(ip));
	const existing = await findUserByEmail(db, input.email);
	if (existing) {
		throw new ApiError("conflict", "An account with this email already exists; sign in instead", [
			{ path: "email", message: "Already registered" },
		]);
	}
	const invitation = input.invite_token ? await findInvitation(db, input.invite_token) : null;
	if (invitation && invitation.email !== input.email) {
		throw new ApiError("forbidden", "This invitation was sent to another email address", [
			{ path: "email", message: "Use the invited address" },
		]);
	}
	const user = {
		id: newId("usr"),
		email: input.email,
		name: input.name,
		passwordHash: await hashPassword(input.password),
		createdAt: new Date(),
	};
	const workspace = invitation
		? await findWorkspace(db, invitation.workspaceId)
		: {
				id: newId("ws"),
				name: input.workspace_name ?? "My workspace",
				postalAddress: "",
				defaultFromName: input.name,
				defaultFromEmail: "",
				sendRatePerSecond: 200,
				timezone: "UTC",
				frequencyCapMax: null,
				frequencyCapPer: null,
				quietHoursStart: null,
				quietHoursEnd: null,
				createdAt: new Date(),
			};
	if (!workspace) throw new ApiError("not_found", "This invitation is invalid or has expired");
	const role: Role = invitation?.role ?? "owner";
	const actor = { kind: "user" as const, userId: user.id };
	await db.batch([
		insertUserStatement(db, user),
		invitation ? deleteInvitationStatement(db, invitation.id) : insertWorkspaceStatement(db, workspace),
		insertMembershipStatement(db, workspace.id, user.id, role),
		auditInsert(db, {
			workspaceId: workspace.id,
			action: invitation ? "member.joined" : "auth.signup",
			actor,
			target: { type: "user", id: user.id },
			ip,
			metadata: { role },
		}),
	]);
	return { user, workspace, role };
}

/**
 * Checks the password under the login rate limits. The attempt is counted before the
 * password is, so parallel guesses cannot outrun the limit; a success takes it back.
 */
export async function login(
	db: Db,
	input: { email: string; password: string; workspace_id?: string },
	ip: string | null,
) {
	const limits = loginLimits(input.email, ip);
	const attempt = await takeAttempt(db, limits);
	const user = await findUserByEmail(db, input.email);
	const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
	if (!user || !valid) {
		await recordAudit(db, {
			workspaceId: null,
			action: "auth.login_failed",
			actor: null,
			ip,
			metadata: { email: input.email },
		});
		throw new ApiError("unauthorized", "The email or password is incorrect");
	}
	// The right password from this address forgives its earlier failures there.
	await attempt.release({ reset: limits[0] ? [limits[0].key] : [] });
	const memberOf = await membershipsOfUser(db, user.id);
	const chosen = memberOf.find((m) => m.workspace.id === input.workspace_id) ?? memberOf[0];
	if (!chosen) throw new ApiError("forbidden", "This account is not a member of any workspace");
	await recordAudit(db, {
		workspaceId: chosen.workspace.id,
		action: "auth.login",
		actor: { kind: "user", userId: user.id },
		ip,
	});
	return { user, workspace: chosen.workspace, role: chosen.role };
}

export async function workspacesOf(db: Db, userId: string) {
	const memberOf = await membershipsOfUser(db, userId);
	return memberOf.map((m) => ({ id: m.workspace.id, name: m.workspace.name, role: m.role }));
}

/** A signed-in user accepts an invitation addressed to their email. */
export async function acceptInvitation(db: Db, userId: string, token: string, ip: string | null) {
	const invitation = await findInvitation(db, token);
	const user = await findUserById(db, userId);
	if (!user || user.email !== invitation.email) {
		throw new ApiError("forbidden", "This invitation was sent to another email address");
	}
	await db.batch([
		insertMembershipStatement(db, invitation.workspaceId, userId, invitation.role),
		deleteInvitationStatement(db, invitation.id),
		auditInsert(db, {
			workspaceId: invitation.workspaceId,
			action: "member.joined",
			actor: { kind: "user", userId },
			target: { type: "user", id: userId },
			ip,
			metadata: { role: invitation.role },
		}),
	]);
	forgetUser(userId);
	return invitation.workspaceId;
}
