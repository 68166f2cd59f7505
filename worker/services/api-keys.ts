import { and, desc, eq, isNull, lt } from "drizzle-orm";
import type { Principal } from "../context";
import type { Role } from "../contracts/common";
import type { Db } from "../db/client";
import { apiKeys } from "../db/schema";
import { randomToken, sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";
import { hasRole } from "../domain/roles";
import { forbidden, notFound } from "../errors";
import { auditInsert } from "./audit";
import { type Page, type PageRequest, pageOf, whereAfter } from "./pagination";

const KEY_PREFIX = "pulse_";
const PREFIX_SHOWN = KEY_PREFIX.length + 8;
/** last_used_at is refreshed at most this often, so a busy key does not write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

type ApiKeyRow = typeof apiKeys.$inferSelect;

export function presentApiKey(row: ApiKeyRow) {
	return {
		id: row.id,
		name: row.name,
		role: row.role,
		prefix: row.prefix,
		created_at: row.createdAt.toISOString(),
		last_used_at: row.lastUsedAt?.toISOString() ?? null,
	};
}

export async function createApiKey(db: Db, actor: Principal, input: { name: string; role: Role }, ip: string | null) {
	if (!hasRole(actor.role, input.role)) throw forbidden("You cannot create a key with a role above your own");
	const key = KEY_PREFIX + randomToken(32);
	const row: ApiKeyRow = {
		id: newId("key"),
		workspaceId: actor.workspaceId,
		name: input.name,
		role: input.role,
		prefix: key.slice(0, PREFIX_SHOWN),
		keyHash: await sha256Hex(key),
		createdBy: actor.kind === "session" ? actor.userId : actor.apiKeyId,
		lastUsedAt: null,
		revokedAt: null,
		createdAt: new Date(),
	};
	await db.batch([
		db.insert(apiKeys).values(row),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "api_key.created",
			actor,
			target: { type: "api_key", id: row.id },
			ip,
			metadata: { name: row.name, role: row.role },
		}),
	]);
	return { ...presentApiKey(row), key };
}

export async function listApiKeys(
	db: Db,
	workspaceId: string,
	page: PageRequest,
): Promise<Page<ReturnType<typeof presentApiKey>>> {
	const rows = await db
		.select()
		.from(apiKeys)
		.where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt), whereAfter(apiKeys.id, page, "desc")))
		.orderBy(desc(apiKeys.id))
		.limit(page.limit + 1);
	return pageOf(rows, page, presentApiKey);
}

export async function revokeApiKey(db: Db, actor: Principal, id: string, ip: string | null): Promise<void> {
	const row = await db.query.apiKeys.findFirst({
		where: (k, { and, eq, isNull }) => and(eq(k.id, id), eq(k.workspaceId, actor.workspaceId), isNull(k.revokedAt)),
	});
	if (!row) throw notFound("API key");
	if (!hasRole(actor.role, row.role)) throw forbidden("You cannot revoke a key with a role above your own");
	await db.batch([
		db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "api_key.revoked",
			actor,
			target: { type: "api_key", id },
			ip,
		}),
	]);
}

/** Finds the live key behind a bearer secret; `touch` refreshes `last_used_at` and is meant for `waitUntil`. */
export async function resolveApiKey(
	db: Db,
	secret: string,
): Promise<{ principal: Principal; touch: Promise<unknown> | null } | null> {
	if (!secret.startsWith(KEY_PREFIX)) return null;
	const keyHash = await sha256Hex(secret);
	const row = await db.query.apiKeys.findFirst({
		where: (k, { and, eq, isNull }) => and(eq(k.keyHash, keyHash), isNull(k.revokedAt)),
	});
	if (!row) return null;
	const now = Date.now();
	const stale = !row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS;
	const touch = stale
		? db
				.update(apiKeys)
				.set({ lastUsedAt: new Date(now) })
				.where(
					and(
						eq(apiKeys.id, row.id),
						row.lastUsedAt
							? lt(apiKeys.lastUsedAt, new Date(now - LAST_USED_GRANULARITY_MS))
							: isNull(apiKeys.lastUsedAt),
					),
				)
				.run()
		: null;
	return { principal: { kind: "api_key", apiKeyId: row.id, workspaceId: row.workspaceId, role: row.role }, touch };
}
