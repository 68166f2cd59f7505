import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { Role } from "../contracts/common";
import type { Db } from "./client";
import { inJson } from "./json-each";
import { apiKeys, memberships, users } from "./schema";

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type KeyCreator = { id: string; name: string; email: string };

/** A live key by the hash of its secret, with its creator's current role in the key's workspace (null: not a member). */
export async function findLiveKeyWithCreatorRole(db: Db, keyHash: string) {
	const [row] = await db
		.select({ key: apiKeys, creatorRole: memberships.role })
		.from(apiKeys)
		.leftJoin(
			memberships,
			and(eq(memberships.userId, apiKeys.createdBy), eq(memberships.workspaceId, apiKeys.workspaceId)),
		)
		.where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
		.limit(1);
	return row ?? null;
}

/** The creator recorded on a key (a user id, or on keys made before creators were tracked, another key's id). */
export async function findKeyCreatedBy(db: Db, keyId: string): Promise<string | null> {
	const [row] = await db.select({ createdBy: apiKeys.createdBy }).from(apiKeys).where(eq(apiKeys.id, keyId)).limit(1);
	return row?.createdBy ?? null;
}

export async function findMembershipRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
	const [row] = await db
		.select({ role: memberships.role })
		.from(memberships)
		.where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
		.limit(1);
	return row?.role ?? null;
}

export async function findKeyCreator(db: Db, userId: string): Promise<KeyCreator | null> {
	const [row] = await db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(eq(users.id, userId))
		.limit(1);
	return row ?? null;
}

/** Live keys of a workspace, newest first, each with its creator (null when unknown or deleted). */
export async function listLiveKeysWithCreators(db: Db, workspaceId: string, beforeId: string, limit: number) {
	const rows = await db
		.select({ key: apiKeys, creator: { id: users.id, name: users.name, email: users.email } })
		.from(apiKeys)
		.leftJoin(users, eq(users.id, apiKeys.createdBy))
		.where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt), lt(apiKeys.id, beforeId)))
		.orderBy(desc(apiKeys.id))
		.limit(limit);
	return rows.map((r) => ({ ...r.key, creator: r.creator }));
}

/** The live keys someone created in a workspace. */
export async function listLiveKeysCreatedBy(db: Db, workspaceId: string, userId: string) {
	return db
		.select({ id: apiKeys.id, name: apiKeys.name, role: apiKeys.role })
		.from(apiKeys)
		.where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)));
}

export function revokeKeysStatement(db: Db, ids: string[], at: Date) {
	return db
		.update(apiKeys)
		.set({ revokedAt: at })
		.where(and(inJson(apiKeys.id, ids), isNull(apiKeys.revokedAt)));
}

export function setKeysRoleStatement(db: Db, ids: string[], role: Role) {
	return db.update(apiKeys).set({ role }).where(inJson(apiKeys.id, ids));
}

/** Refreshes `last_used_at` unless another request already did within `granularityMs`. */
export function touchKeyStatement(db: Db, keyId: string, lastUsedAt: Date | null, now: number, granularityMs: number) {
	return db
		.update(apiKeys)
		.set({ lastUsedAt: new Date(now) })
		.where(
			and(
				eq(apiKeys.id, keyId),
				lastUsedAt ? lt(apiKeys.lastUsedAt, new Date(now - granularityMs)) : isNull(apiKeys.lastUsedAt),
			),
		);
}

export function insertKeyStatement(db: Db, row: ApiKeyRow) {
	return db.insert(apiKeys).values(row);
}

/** A key of the workspace that has not been revoked. */
export async function findLiveKeyIn(db: Db, workspaceId: string, id: string): Promise<ApiKeyRow | null> {
	const [row] = await db
		.select()
		.from(apiKeys)
		.where(and(eq(apiKeys.id, id), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
		.limit(1);
	return row ?? null;
}
