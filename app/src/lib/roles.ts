import type { Role } from "./types";

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export const ROLES: Role[] = ["owner", "admin", "editor", "viewer"];

export const atLeast = (role: Role | undefined, required: Role): boolean =>
	role !== undefined && RANK[role] >= RANK[required];

/** Roles someone with `role` may hand out (never above their own). */
export const grantable = (role: Role | undefined): Role[] => ROLES.filter((r) => atLeast(role, r));

export const ROLE_HINTS: Record<Role, string> = {
	owner: "Owner: everything, including managing owners",
	admin: "Admin: settings, keys and members",
	editor: "Editor: contacts, templates and campaigns",
	viewer: "Viewer: read only",
};

export const roleOptions = (roles: Role[]) => roles.map((r) => ({ value: r, label: ROLE_HINTS[r] }));
