import { providerKeySecret, servedLocally } from "../config";
import type { Principal } from "../context";
import {
	isWebhookEventType,
	type WebhookEndpoint,
	type WebhookEndpointInput,
	type WebhookEndpointPatch,
} from "../contracts/webhook-endpoints";
import type { Db } from "../db/client";
import {
	deleteEndpointStatement,
	endpointsOfWorkspace,
	findEndpoint,
	insertEndpointStatement,
	updateEndpointStatement,
	type WebhookEndpointRow,
} from "../db/webhook-endpoints";
import { newId } from "../domain/ids";
import { seal } from "../domain/secret-box";
import { newWebhookSecret } from "../domain/webhooks/standard-webhooks";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";
import { webhookDestinationProblem } from "./webhook-fetch";

/** More endpoints than this would be an integration mistake, and each one multiplies every event's deliveries. */
export const MAX_ENDPOINTS = 20;

type SecretEnv = Env;

/** The associated data a secret is sealed with: it opens only for its own endpoint. */
export const secretOwner = (endpointId: string) => `webhook-endpoint:${endpointId}`;

export const presentEndpoint = (row: WebhookEndpointRow): WebhookEndpoint => ({
	id: row.id,
	url: row.url,
	events: row.events,
	enabled: row.enabled,
	disabled_reason: row.disabledReason,
	failing_since: row.failingSince?.toISOString() ?? null,
	previous_secret_expires_at:
		row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date()
			? row.previousSecretExpiresAt.toISOString()
			: null,
	created_at: row.createdAt.toISOString(),
});

async function checkedUrl(env: SecretEnv, url: string, requestUrl: string): Promise<string> {
	const problem = await webhookDestinationProblem(env, url, fetch, servedLocally(env, requestUrl));
	if (problem)
		throw new ApiError("unprocessable", `The webhook URL is refused: ${problem}`, [{ path: "url", message: problem }]);
	return new URL(url).toString();
}

function checkedEvents(events: string[]): string[] {
	const issues = events.flatMap((type, i) =>
		isWebhookEventType(type) ? [] : [{ path: `events.${i}`, message: `Unknown event type "${type}"` }],
	);
	if (issues.length > 0) throw new ApiError("unprocessable", issues[0]?.message ?? "Unknown event type", issues);
	return [...new Set(events)];
}

export async function listEndpoints(db: Db, workspaceId: string) {
	return { data: (await endpointsOfWorkspace(db, workspaceId)).map(presentEndpoint), next_cursor: null };
}

export async function getEndpoint(db: Db, workspaceId: string, id: string): Promise<WebhookEndpointRow> {
	const row = await findEndpoint(db, workspaceId, id);
	if (!row) throw notFound("Webhook endpoint");
	return row;
}

export async function createEndpoint(
	env: SecretEnv,
	db: Db,
	actor: Principal,
	input: WebhookEndpointInput,
	requestUrl: string,
	ip: string | null,
) {
	const url = await checkedUrl(env, input.url, requestUrl);
	const events = checkedEvents(input.events);
	if ((await endpointsOfWorkspace(db, actor.workspaceId)).length >= MAX_ENDPOINTS)
		throw new ApiError("conflict", `A workspace has at most ${MAX_ENDPOINTS} webhook endpoints`);
	const id = newId("whe");
	const secret = newWebhookSecret();
	const row: WebhookEndpointRow = {
		id,
		workspaceId: actor.workspaceId,
		url,
		events,
		enabled: input.enabled,
		secretSealed: await seal(providerKeySecret(env), secretOwner(id), secret),
		previousSecretSealed: null,
		previousSecretExpiresAt: null,
		failingSince: null,
		disabledReason: null,
		createdBy: actor.kind === "session" ? actor.userId : actor.apiKeyId,
		createdAt: new Date(),
		updatedAt: new Date(),
	};
	await db.batch([
		insertEndpointStatement(db, row),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "webhook_endpoint.created",
			actor,
			target: { type: "webhook_endpoint", id },
			ip,
			metadata: { url, events },
		}),
	]);
	return { ...presentEndpoint(row), secret };
}

export async function updateEndpoint(
	env: SecretEnv,
	db: Db,
	actor: Principal,
	id: string,
	patch: WebhookEndpointPatch,
	requestUrl: string,
	ip: string | null,
) {
	const row = await getEndpoint(db, actor.workspaceId, id);
	const change: Partial<WebhookEndpointRow> = {};
	if (patch.url !== undefined) change.url = await checkedUrl(env, patch.url, requestUrl);
	if (patch.events !== undefined) change.events = checkedEvents(patch.events);
	if (patch.enabled !== undefined) change.enabled = patch.enabled;
	// Turned on again by a person: the failure streak that disabled it starts over.
	if (patch.enabled === true && !row.enabled) Object.assign(change, { disabledReason: null, failingSince: null });
	await db.batch([
		updateEndpointStatement(db, actor.workspaceId, id, change),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "webhook_endpoint.updated",
			actor,
			target: { type: "webhook_endpoint", id },
			ip,
			metadata: { fields: Object.keys(patch), enabled: change.enabled ?? row.enabled },
		}),
	]);
	return presentEndpoint({ ...row, ...change });
}

export async function deleteEndpoint(db: Db, actor: Principal, id: string, ip: string | null) {
	const row = await getEndpoint(db, actor.workspaceId, id);
	await db.batch([
		deleteEndpointStatement(db, actor.workspaceId, id),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "webhook_endpoint.deleted",
			actor,
			target: { type: "webhook_endpoint", id },
			ip,
			metadata: { url: row.url },
		}),
	]);
}

/**
 * A new signing secret, answered once. For `overlapHours` the previous one signs every delivery too (a second
 * `v1,` signature), so receivers can switch without dropping a delivery.
 */
export async function rotateSecret(
	env: SecretEnv,
	db: Db,
	actor: Principal,
	id: string,
	overlapHours: number,
	ip: string | null,
) {
	const row = await getEndpoint(db, actor.workspaceId, id);
	const secret = newWebhookSecret();
	const change = {
		secretSealed: await seal(providerKeySecret(env), secretOwner(id), secret),
		previousSecretSealed: overlapHours > 0 ? row.secretSealed : null,
		previousSecretExpiresAt: overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null,
	};
	await db.batch([
		updateEndpointStatement(db, actor.workspaceId, id, change),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "webhook_endpoint.secret_rotated",
			actor,
			target: { type: "webhook_endpoint", id },
			ip,
			metadata: { overlap_hours: overlapHours },
		}),
	]);
	return { ...presentEndpoint({ ...row, ...change }), secret };
}
