import type { Role } from "../contracts/common";
import { hasRole } from "./roles";

/** The less powerful of two roles. */
export function lowerRole(a: Role, b: Role): Role {
	return hasRole(a, b) ? b : a;
}

/**
 * What a key may do right now: never more than the person who created it can do in its
 * workspace today, and nothing once they are no longer a member (null).
 */
export function effectiveKeyRole(keyRole: Role, creatorRole: Role | null): Role | null {
	return creatorRole ? lowerRole(keyRole, creatorRole) : null;
}
