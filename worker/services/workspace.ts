import { eq } from "drizzle-orm";
import type { Principal } from "../context";
import type { Db } from "../db/client";
import { users, workspaces } from "../db/schema";
import { notFound } from "../errors";
import { workspacesOf } from "./accounts";
import { auditInsert } from "./audit";
import { presentUser, presentWorkspace } from "./presenters";

export async function getWorkspace(db: Db, workspaceId: string) {
	const row = await db.query.workspaces.findFirst({ where: eq(workspaces.id, workspaceId) });
	if (!row) throw notFound("Workspace");
	return row;
}

export async function describeMe(db: Db, principal: Principal) {
	const workspace = presentWorkspace(await getWorkspace(db, principal.workspaceId));
	if (principal.kind === "api_key") {
		return {
			user: null,
			workspace,
			role: principal.role,
			auth: "api_key" as const,
			workspaces: [{ id: workspace.id, name: workspace.name, role: principal.role }],
		};
	}
	const user = await db.query.users.findFirst({ where: eq(users.id, principal.userId) });
	if (!user) throw notFound("User");
	return {
		user: presentUser(user),
		workspace,
		role: principal.role,
		auth: "session" as const,
		workspaces: await workspacesOf(db, user.id),
	};
}

type WorkspacePatch = {
	name?: string;
	postal_address?: string;
	default_from_name?: string;
	default_from_email?: string;
	send_rate_per_second?: number;
};

export async function updateWorkspace(db: Db, actor: Principal, patch: WorkspacePatch, ip: string | null) {
	const changes = {
		name: patch.name,
		postalAddress: patch.postal_address,
		defaultFromName: patch.default_from_name,
		defaultFromEmail: patch.default_from_email,
		sendRatePerSecond: patch.send_rate_per_second,
	};
	const changed = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
	if (Object.keys(changed).length > 0) {
		await db.batch([
			db.update(workspaces).set(changed).where(eq(workspaces.id, actor.workspaceId)),
			auditInsert(db, {
				workspaceId: actor.workspaceId,
				action: "workspace.updated",
				actor,
				target: { type: "workspace", id: actor.workspaceId },
				ip,
				metadata: { fields: Object.keys(patch) },
			}),
		]);
	}
	return presentWorkspace(await getWorkspace(db, actor.workspaceId));
}
