import type { BatchItem } from "drizzle-orm/batch";
import type { Principal } from "../context";
import type { KeyRole, Role } from "../contracts/common";
import {
	type ApiKeyRow,
	findKeyCreatedBy,
	findKeyCreator,
	findLiveKeyIn,
	findLiveKeyWithCreatorRole,
	findMembershipRole,
	insertKeyStatement,
	type KeyCreator,
	listLiveKeysCreatedBy,
	listLiveKeysWithCreators,
	revokeKeysStatement,
	setKeysRoleStatement,
	touchKeyStatement,
} from "../db/api-keys";
import type { Db } from "../db/client";
import { randomToken, sha256Hex } from "../domain/encoding";
import { newId } from "../domain/ids";
import { effectiveKeyRole, roleToManageKey } from "../domain/key-roles";
import { hasRole } from "../domain/roles";
import { forbidden, notFound } from "../errors";
import { auditInsert } from "./audit";
import { type Page, type PageRequest, pageOf, startAfter } from "./pagination";
import { type CachedPrincipal, forgetApiKeys, principalCache } from "./principal-cache";

const KEY_PREFIX = "pulse_";
const PREFIX_SHOWN = KEY_PREFIX.length + 8;
/** last_used_at is refreshed at most this often, so a busy key does not write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;
/** Keys made by keys before creators were tracked name that key; this many links are followed to a person. */
const MAX_CREATOR_HOPS = 5;

export function presentApiKey(row: ApiKeyRow & { creator: KeyCreator | null }) {
	return {
		id: row.id,
		name: row.name,
		role: row.role,
		prefix: row.prefix,
		created_at: row.createdAt.toISOString(),
		last_used_at: row.lastUsedAt?.toISOString() ?? null,
		created_by: row.creator,
	};
}

/** The person behind a `created_by` value: a user id, or (older keys) the id of the key that made it. */
async function creatorUserId(db: Db, createdBy: string | null): Promise<string | null> {
	let id = createdBy;
	for (let hop = 0; id?.startsWith("key_") && hop < MAX_CREATOR_HOPS; hop++) id = await findKeyCreatedBy(db, id);
	return id && !id.startsWith("key_") ? id : null;
}

/** The person acting: the signed-in user, or the person who created the calling key. */
async function actingUserId(db: Db, actor: Principal): Promise<string | null> {
	return actor.kind === "session" ? actor.userId : creatorUserId(db, actor.apiKeyId);
}

export async function createApiKey(
	db: Db,
	actor: Principal,
	input: { name: string; role: KeyRole },
	ip: string | null,
) {
	if (!hasRole(actor.role, roleToManageKey(input.role)))
		throw forbidden(
			input.role === "ingest"
				? "Only admins and owners create ingest keys"
				: "You cannot create a key with a role above your own",
		);
	const key = KEY_PREFIX + randomToken(32);
	const createdBy = await actingUserId(db, actor);
	const row: ApiKeyRow = {
		id: newId("key"),
		workspaceId: actor.workspaceId,
		name: input.name,
		role: input.role,
		prefix: key.slice(0, PREFIX_SHOWN),
		keyHash: await sha256Hex(key),
		createdBy,
		lastUsedAt: null,
		revokedAt: null,
		createdAt: new Date(),
	};
	await db.batch([
		insertKeyStatement(db, row),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "api_key.created",
			actor,
			target: { type: "api_key", id: row.id },
			ip,
			metadata: { name: row.name, role: row.role },
		}),
	]);
	const creator = createdBy ? await findKeyCreator(db, createdBy) : null;
	return { ...presentApiKey({ ...row, creator }), key };
}

export async function listApiKeys(
	db: Db,
	workspaceId: string,
	page: PageRequest,
): Promise<Page<ReturnType<typeof presentApiKey>>> {
	const rows = await listLiveKeysWithCreators(db, workspaceId, startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, presentApiKey);
}

export async function revokeApiKey(db: Db, actor: Principal, id: string, ip: string | null): Promise<void> {
	const row = await findLiveKeyIn(db, actor.workspaceId, id);
	if (!row) throw notFound("API key");
	if (!hasRole(actor.role, roleToManageKey(row.role)))
		throw forbidden("You cannot revoke a key with a role above your own");
	await db.batch([
		revokeKeysStatement(db, [id], new Date()),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "api_key.revoked",
			actor,
			target: { type: "api_key", id },
			ip,
		}),
	]);
	forgetApiKeys([id]);
}

/**
 * The statements that revoke every live key a departing member created in the workspace,
 * each audited; meant for the same batch as the removal.
 */
export async function revokeKeysOfStatements(
	db: Db,
	actor: Principal,
	userId: string,
	ip: string | null,
): Promise<BatchItem<"sqlite">[]> {
	const keys = await listLiveKeysCreatedBy(db, actor.workspaceId, userId);
	if (keys.length === 0) return [];
	return [
		revokeKeysStatement(
			db,
			keys.map((k) => k.id),
			new Date(),
		),
		...keys.map((k) =>
			auditInsert(db, {
				workspaceId: actor.workspaceId,
				action: "api_key.revoked",
				actor,
				target: { type: "api_key", id: k.id },
				ip,
				metadata: { name: k.name, role: k.role, reason: "creator_removed", creator_id: userId },
			}),
		),
	];
}

/**
 * The statements that lower the keys a member created to their new role (a key never has
 * more power than its creator), each audited; meant for the same batch as the role change.
 */
export async function capKeysOfStatements(
	db: Db,
	actor: Principal,
	userId: string,
	role: Role,
	ip: string | null,
): Promise<BatchItem<"sqlite">[]> {
	// An ingest key keeps its role (it stops working by itself once its creator is no longer an admin).
	const keys = (await listLiveKeysCreatedBy(db, actor.workspaceId, userId)).filter(
		(k) => k.role !== "ingest" && !hasRole(role, k.role),
	);
	if (keys.length === 0) return [];
	return [
		setKeysRoleStatement(
			db,
			keys.map((k) => k.id),
			role,
		),
		...keys.map((k) =>
			auditInsert(db, {
				workspaceId: actor.workspaceId,
				action: "api_key.role_capped",
				actor,
				target: { type: "api_key", id: k.id },
				ip,
				metadata: { name: k.name, from: k.role, to: role, reason: "creator_role_changed", creator_id: userId },
			}),
		),
	];
}

/**
 * Finds the live key behind a bearer secret and what it may do now: the lower of its role and
 * its creator's current role; null when the creator is no longer a member of its workspace.
 * The answer is kept for a few seconds per isolate (see principal-cache).
 * `touch` refreshes `last_used_at` (at most once a minute) and is meant for `waitUntil`.
 */
export async function resolveApiKey(
	db: Db,
	secret: string,
): Promise<{ principal: Principal; touch: Promise<unknown> | null } | null> {
	if (!secret.startsWith(KEY_PREFIX)) return null;
	const keyHash = await sha256Hex(secret);
	const cacheKey = `key:${keyHash}`;
	const cached = principalCache.get(cacheKey);
	const entry = cached ?? (await loadKey(db, keyHash));
	if (entry?.principal.kind !== "api_key") return null;
	// Only a fresh answer from D1 starts the TTL: a busy key is still re-checked every few seconds.
	if (!cached) principalCache.set(cacheKey, entry);
	const now = principalCache.now();
	const previous = entry.lastUsedAt;
	if (previous !== null && now - previous <= LAST_USED_GRANULARITY_MS)
		return { principal: entry.principal, touch: null };
	entry.lastUsedAt = now;
	const touch = touchKeyStatement(
		db,
		entry.principal.apiKeyId,
		previous === null ? null : new Date(previous),
		now,
		LAST_USED_GRANULARITY_MS,
	).run();
	return { principal: entry.principal, touch };
}

async function loadKey(db: Db, keyHash: string): Promise<CachedPrincipal | null> {
	const found = await findLiveKeyWithCreatorRole(db, keyHash);
	if (!found) return null;
	const row = found.key;
	let creatorRole = found.creatorRole;
	if (!creatorRole && row.createdBy?.startsWith("key_")) {
		const userId = await creatorUserId(db, row.createdBy);
		creatorRole = userId ? await findMembershipRole(db, row.workspaceId, userId) : null;
	}
	const role = effectiveKeyRole(row.role, creatorRole);
	if (!role) return null;
	// An ingest key carries the lowest member role only for the type's sake: `authorize` refuses it everywhere.
	const principal: Principal =
		role === "ingest"
			? { kind: "api_key", apiKeyId: row.id, workspaceId: row.workspaceId, role: "viewer", ingestOnly: true }
			: { kind: "api_key", apiKeyId: row.id, workspaceId: row.workspaceId, role };
	return {
		principal,
		lastUsedAt: row.lastUsedAt?.getTime() ?? null,
	};
}
