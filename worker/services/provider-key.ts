import { providerKeySecret } from "../config";
import type { Principal } from "../context";
import type { ProviderStatus } from "../contracts/provider";
import { createDb } from "../db/client";
import { deleteProviderKeyStatement, findProviderKey, upsertProviderKeyStatement } from "../db/provider-keys";
import { open, seal } from "../domain/secret-box";
import { ApiError } from "../errors";
import { ResendProvider } from "../queue/providers/resend";
import { auditInsert } from "./audit";

type KeyEnv = Pick<Env, "DB" | "RESEND_API_KEY" | "RESEND_BASE_URL" | "TOKEN_SECRET" | "PROVIDER_KEY_SECRET">;

/** Which key a workspace's email goes out with, and where it came from. */
export type SendingKey = { source: "workspace" | "environment" | "none"; apiKey: string | null };

/**
 * The key a workspace sends with: its own (connected by an owner) wins over the operator's RESEND_API_KEY;
 * neither means the capture outbox. A stored key that no longer opens (the server secret changed) counts as none
 * of the workspace's.
 */
export async function sendingKeyOf(env: KeyEnv, workspaceId: string): Promise<SendingKey> {
	const row = await findProviderKey(createDb(env.DB), workspaceId);
	if (row) {
		const apiKey = await open(providerKeySecret(env), workspaceId, row.sealed);
		if (apiKey) return { source: "workspace", apiKey };
		console.error(JSON.stringify({ workspaceId, error: "stored provider key does not open with the server secret" }));
	}
	if (env.RESEND_API_KEY) return { source: "environment", apiKey: env.RESEND_API_KEY };
	return { source: "none", apiKey: null };
}

/** Whether this workspace's From domains are checked: whenever a real provider sends its email. */
export async function sendsThroughProvider(env: KeyEnv, workspaceId: string): Promise<boolean> {
	if (env.RESEND_API_KEY) return true;
	return (await findProviderKey(createDb(env.DB), workspaceId)) !== undefined;
}

export async function providerStatus(env: KeyEnv, workspaceId: string): Promise<ProviderStatus> {
	const row = await findProviderKey(createDb(env.DB), workspaceId);
	if (row) {
		return {
			connected: true,
			source: "workspace",
			provider: "resend",
			key_last4: row.keyLast4,
			connected_at: row.connectedAt.toISOString(),
		};
	}
	if (env.RESEND_API_KEY) return { connected: true, source: "environment", provider: "resend" };
	return { connected: false, source: "none", provider: null };
}

/**
 * Checks a Resend key by listing its domains (Resend answers 401/403 to a key it does not know), then stores it
 * sealed. The key is never answered again: only its last four characters.
 */
export async function connectProvider(env: KeyEnv, actor: Principal, apiKey: string, ip: string | null) {
	const check = await new ResendProvider(apiKey, env.RESEND_BASE_URL || undefined).listDomains();
	if (!check.ok) {
		if (check.status === 400 || check.status === 401 || check.status === 403 || check.status === 422) {
			const sendingOnly = check.error.startsWith("restricted_api_key");
			const message = sendingOnly
				? "This key may only send: create one with Full access, so Pulse can also manage your sending domains"
				: "Resend did not accept this key: copy it again from resend.com/api-keys";
			throw new ApiError("provider_key_invalid", `Resend did not accept this API key (${check.error})`, [
				{ path: "resend_api_key", message },
			]);
		}
		throw new ApiError("service_unavailable", `Resend did not answer; try again in a moment (${check.error})`);
	}
	const db = createDb(env.DB);
	const sealed = await seal(providerKeySecret(env), actor.workspaceId, apiKey);
	await db.batch([
		upsertProviderKeyStatement(db, {
			workspaceId: actor.workspaceId,
			provider: "resend",
			sealed,
			keyLast4: apiKey.slice(-4),
			connectedBy: actor.kind === "session" ? actor.userId : actor.apiKeyId,
			connectedAt: new Date(),
		}),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "provider.connected",
			actor,
			target: { type: "workspace", id: actor.workspaceId },
			ip,
			metadata: { provider: "resend", key_last4: apiKey.slice(-4), domains: check.value.length },
		}),
	]);
	return providerStatus(env, actor.workspaceId);
}

export async function disconnectProvider(env: KeyEnv, actor: Principal, ip: string | null) {
	const db = createDb(env.DB);
	await db.batch([
		deleteProviderKeyStatement(db, actor.workspaceId),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "provider.disconnected",
			actor,
			target: { type: "workspace", id: actor.workspaceId },
			ip,
		}),
	]);
	return providerStatus(env, actor.workspaceId);
}
