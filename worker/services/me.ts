import type { Principal } from "../context";
import type { Db } from "../db/client";
import { findUserWithWorkspaces } from "../db/principals";
import { notFound } from "../errors";
import { presentUser, presentWorkspace } from "./presenters";
import { type Me, meCache, principalKey } from "./principal-cache";
import { getWorkspace } from "./workspace";

async function loadMe(db: Db, principal: Principal): Promise<Me> {
	if (principal.kind === "api_key") {
		const workspace = presentWorkspace(await getWorkspace(db, principal.workspaceId));
		return {
			user: null,
			workspace,
			role: principal.role,
			auth: "api_key",
			workspaces: [{ id: workspace.id, name: workspace.name, role: principal.role }],
		};
	}
	// One query: the user, and each of their workspaces with their role there.
	const rows = await findUserWithWorkspaces(db, principal.userId);
	const current = rows.find((r) => r.workspace.id === principal.workspaceId);
	if (!current) throw notFound(rows.length > 0 ? "Workspace" : "User");
	return {
		user: presentUser(current.user),
		workspace: presentWorkspace(current.workspace),
		role: principal.role,
		auth: "session",
		workspaces: rows.map((r) => ({ id: r.workspace.id, name: r.workspace.name, role: r.role })),
	};
}

/** The caller, their workspace and role; answered from this isolate's memory for a few seconds (see principal-cache). */
export async function describeMe(db: Db, principal: Principal): Promise<Me> {
	const key = principalKey(principal);
	const cached = meCache.get(key);
	if (cached) return cached;
	const me = await loadMe(db, principal);
	meCache.set(key, me);
	return me;
}
