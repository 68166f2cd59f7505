import type { Principal } from "../context";
import { auditPage, insertAuditStatement } from "../db/audit";
import type { Db } from "../db/client";
import { newId } from "../domain/ids";
import { type PageRequest, pageOf, startAfter } from "./pagination";

export type AuditEntry = {
	workspaceId: string | null;
	action: string;
	actor?: Principal | { kind: "user"; userId: string } | null;
	target?: { type: string; id: string };
	ip?: string | null;
	metadata?: Record<string, unknown>;
};

function actorOf(actor: AuditEntry["actor"]): { actorType: "user" | "api_key" | "anonymous"; actorId: string | null } {
	if (!actor) return { actorType: "anonymous", actorId: null };
	if (actor.kind === "api_key") return { actorType: "api_key", actorId: actor.apiKeyId };
	return { actorType: "user", actorId: actor.userId };
}

/** Builds the insert so callers can put it in the same `db.batch` as the change it records. */
export function auditInsert(db: Db, entry: AuditEntry) {
	return insertAuditStatement(db, {
		id: newId("aud"),
		workspaceId: entry.workspaceId,
		...actorOf(entry.actor),
		action: entry.action,
		targetType: entry.target?.type ?? null,
		targetId: entry.target?.id ?? null,
		ip: entry.ip ?? null,
		metadata: entry.metadata ?? null,
	});
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
	await auditInsert(db, entry);
}

/** A page of the workspace's audit log, newest first, as the API shows it. */
export async function listAuditLog(db: Db, workspaceId: string, page: PageRequest) {
	const rows = await auditPage(db, workspaceId, startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, (r) => ({
		id: r.id,
		action: r.action,
		actor_type: r.actorType,
		actor_id: r.actorId,
		target_type: r.targetType,
		target_id: r.targetId,
		ip: r.ip,
		metadata: r.metadata ?? null,
		created_at: r.createdAt.toISOString(),
	}));
}
