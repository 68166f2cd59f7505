import type { Role } from "../contracts/common";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** True when `actual` is at least as powerful as `required`. */
export function hasRole(actual: Role, required: Role): boolean {
	return RANK[actual] >= RANK[required];
}

/**
 * Who may change whose membership: nobody above their own rank is granted or
 * touched, and only owners manage owners.
 */
export function canManageMember(actor: Role, target: Role, newRole?: Role): boolean {
	if (!hasRole(actor, "admin")) return false;
	if (target === "owner" && actor !== "owner") return false;
	if (newRole && !hasRole(actor, newRole)) return false;
	return true;
}
