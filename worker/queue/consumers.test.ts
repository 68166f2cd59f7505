import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../index";

const message = (id: string, body: unknown) => ({ id, timestamp: new Date(), attempts: 1, body });

describe("queue consumers", () => {
	it("acknowledges a chunk that no longer exists and garbage, instead of retrying them forever", async () => {
		const batch = createMessageBatch("pulse-sends", [
			message("m1", { type: "send_chunk", workspace_id: "ws", campaign_id: "cmp_gone", chunk_id: "chk_gone" }),
			message("m2", { hello: "world" }),
		]);
		const ctx = createExecutionContext();
		await worker.queue(batch, env, ctx);
		const result = await getQueueResult(batch, ctx);
		expect(result.explicitAcks.sort()).toEqual(["m1", "m2"]);
		expect(result.retryMessages).toEqual([]);
	});

	it("acknowledges an event it cannot read after logging it, so a bad message never blocks the queue", async () => {
		const batch = createMessageBatch("pulse-events", [message("e1", { type: "tracking", kind: "open" })]);
		const ctx = createExecutionContext();
		await worker.queue(batch, env, ctx);
		const result = await getQueueResult(batch, ctx);
		expect(result.explicitAcks).toEqual(["e1"]);
		expect(result.retryMessages).toEqual([]);
	});
});
