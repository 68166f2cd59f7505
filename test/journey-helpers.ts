import { createExecutionContext, createMessageBatch, getQueueResult, runDurableObjectAlarm } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { JOURNEY_SHARDS, shardName, shardOf } from "../worker/domain/journeys/shards";
import worker from "../worker/index";
import { call, signupOwner } from "./client";

/* Journeys run for real: API, D1, the shard objects; the shard's clock is set by the test (no sleeping). */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export async function workspaceWithContacts(n: number, extra: Record<string, unknown> = {}) {
	const owner = await signupOwner();
	const contactIds: string[] = [];
	for (let i = 0; i < n; i++) {
		const res = await call(
			"POST",
			"/api/v1/contacts",
			{ email: `c${i}-${Date.now().toString(36)}@example.com`, ...extra },
			{ cookie: owner.cookie },
		);
		contactIds.push(res.json.id as string);
	}
	return { ...owner, contactIds };
}

export async function templateIn(cookie: string) {
	const res = await call("POST", "/api/v1/templates", { name: "Step", subject: "Hi", html: "<p>Hi</p>" }, { cookie });
	return res.json.id as string;
}

/** Creates and activates a journey; answers its id. */
export async function activeJourney(cookie: string, definition: Record<string, unknown>) {
	const created = await call("POST", "/api/v1/journeys", { name: "Test journey", definition }, { cookie });
	if (created.status !== 201) throw new Error(created.text);
	const id = created.json.id as string;
	const activated = await call("POST", `/api/v1/journeys/${id}/activate`, undefined, { cookie });
	if (activated.status !== 200) throw new Error(activated.text);
	return id;
}

export const shardFor = (journeyId: string, contactId: string) =>
	env.JOURNEY.getByName(shardName(journeyId, shardOf(contactId)));

/** Sets the shard's clock and runs its alarm (if one is set); answers whether it ran. */
export async function alarmAt(journeyId: string, contactId: string, now: number) {
	const shard = shardFor(journeyId, contactId);
	await shard.setClockForTest(now);
	return runDurableObjectAlarm(shard);
}

export async function enrollmentOf(journeyId: string, contactId: string) {
	const [e] = await shardFor(journeyId, contactId).enrollments({ contactId, afterId: "", limit: 10 });
	return e;
}

export async function contact(cookie: string, id: string) {
	return (await call("GET", `/api/v1/contacts/${id}`, undefined, { cookie })).json;
}

/** Sets every shard of the journey to the same clock. */
export async function clockAll(journeyId: string, now: number) {
	await Promise.all(
		Array.from({ length: JOURNEY_SHARDS }, (_, i) =>
			env.JOURNEY.getByName(shardName(journeyId, i)).setClockForTest(now),
		),
	);
}

/** Runs the EVENTS consumer on one batch, as the queue would deliver it. */
export async function deliverEvents(bodies: unknown[], attempts = 1) {
	const batch = createMessageBatch(
		"pulse-events",
		bodies.map((body, i) => ({ id: `m${i}-${Math.random()}`, timestamp: new Date(), attempts, body })),
	);
	const ctx = createExecutionContext();
	await worker.queue(batch, env, ctx);
	return getQueueResult(batch, ctx);
}

let eventCounter = 0;
export const journeyEvent = (
	workspaceId: string,
	contactId: string,
	name: string,
	properties: Record<string, unknown> = {},
	at = Date.now(),
) => ({
	type: "journey_events",
	workspace_id: workspaceId,
	events: [
		{ key: `evt_test_${++eventCounter}_${Math.random()}`, contact_id: contactId, name, properties, occurred_at: at },
	],
});

/** Runs the SENDS consumer on a batch of chunk messages, as the queue would deliver them. */
export async function deliverSends(workspaceId: string, campaignId: string, chunkIds: string[]) {
	const batch = createMessageBatch(
		"pulse-sends",
		chunkIds.map((chunk_id, i) => ({
			id: `m${i}`,
			timestamp: new Date(),
			attempts: 1,
			body: { type: "send_chunk", workspace_id: workspaceId, campaign_id: campaignId, chunk_id },
		})),
	);
	const ctx = createExecutionContext();
	await worker.queue(batch, env, ctx);
	return getQueueResult(batch, ctx);
}
