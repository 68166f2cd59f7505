import type { z } from "@hono/zod-openapi";
import type { Principal } from "../context";
import type { MeSchema } from "../contracts/auth";
import { TtlCache } from "../domain/ttl-cache";

/**
 * How long an isolate may keep trusting what it learnt about a key or a session without
 * asking D1 again. It bounds how late a change made elsewhere (a revocation, a removal, a
 * demotion handled by another isolate, or written to D1 directly) reaches this isolate.
 * Changes made through this isolate evict their entries at once.
 */
export const PRINCIPAL_TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

/** `lastUsedAt` (keys only): when this isolate last knew `last_used_at` to be refreshed. */
export type CachedPrincipal = { principal: Principal; lastUsedAt: number | null };

/** Per isolate, keyed by `key:` or `session:` and the hash of the secret; the clock is replaceable in tests. */
export const principalCache = new TtlCache<CachedPrincipal>(PRINCIPAL_TTL_MS, MAX_ENTRIES);

export function forgetSession(sessionId: string): void {
	principalCache.forget(({ principal: p }) => p.kind === "session" && p.sessionId === sessionId);
}

export function forgetApiKeys(ids: readonly string[]): void {
	principalCache.forget(({ principal: p }) => p.kind === "api_key" && ids.includes(p.apiKeyId));
}

/**
 * What `GET /me` answered for a caller, kept as long and dropped on the same events as the
 * caller itself, so the hot path of a dashboard or script asks D1 nothing. Keyed by
 * `principalKey`, so a change of role or workspace is never served from an older answer.
 */
export type Me = z.infer<typeof MeSchema>;
export const meCache = new TtlCache<Me>(PRINCIPAL_TTL_MS, MAX_ENTRIES, () => principalCache.now());

export function principalKey(p: Principal): string {
	return `${p.kind === "session" ? p.sessionId : p.apiKeyId}|${p.workspaceId}|${p.role}`;
}

/** After a membership or the workspace itself changes: every key and session acting in it is checked again. */
export function forgetWorkspace(workspaceId: string): void {
	principalCache.forget(({ principal: p }) => p.workspaceId === workspaceId);
	meCache.forget((me) => me.workspaces.some((w) => w.id === workspaceId));
}

/** After a user joins a workspace: their workspace list is read again. */
export function forgetUser(userId: string): void {
	meCache.forget((me) => me.user?.id === userId);
}
