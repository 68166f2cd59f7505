import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../index";

describe("queue consumers", () => {
	it("keeps a well-formed send chunk for retry (never drops it) and acknowledges garbage", async () => {
		const batch = createMessageBatch("pulse-sends", [
			{
				id: "m1",
				timestamp: new Date(),
				attempts: 1,
				body: { type: "send_chunk", workspace_id: "ws", campaign_id: "c", chunk_id: "k" },
			},
			{ id: "m2", timestamp: new Date(), attempts: 1, body: { hello: "world" } },
		]);
		const ctx = createExecutionContext();
		await worker.queue(batch, env, ctx);
		const result = await getQueueResult(batch, ctx);
		expect(result.explicitAcks).toEqual(["m2"]);
		expect(result.retryMessages.map((m: { msgId: string }) => m.msgId)).toEqual(["m1"]);
	});
});
