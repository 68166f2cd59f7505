import type { KeyRole, Role } from "../contracts/common";
import { hasRole } from "./roles";

/** The less powerful of two roles. */
export function lowerRole(a: Role, b: Role): Role {
	return hasRole(a, b) ? b : a;
}

/**
 * The least member role that may create or revoke a key of this role: a member's own role or above,
 * and admins for `ingest` keys (they only send contacts and events, but into the whole workspace).
 */
export function roleToManageKey(role: KeyRole): Role {
	return role === "ingest" ? "admin" : role;
}

/**
 * What a key may do right now: never more than the person who created it can do in its
 * workspace today, and nothing once they are no longer a member (null). An `ingest` key
 * works while its creator is still an admin or owner.
 */
export function effectiveKeyRole(keyRole: KeyRole, creatorRole: Role | null): KeyRole | null {
	if (!creatorRole) return null;
	if (keyRole === "ingest") return hasRole(creatorRole, "admin") ? "ingest" : null;
	return lowerRole(keyRole, creatorRole);
}
