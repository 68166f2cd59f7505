import type { Principal } from "../context";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";
import { newId } from "../domain/ids";

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
	return db.insert(auditLog).values({
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
