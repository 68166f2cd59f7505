import { describe, expect, it } from "vitest";
import { sendPace } from "./send-pace";

describe("a workspace's send pace", () => {
	it("makes chunks of up to 100 recipients, as many a second as the workspace's rate allows", () => {
		expect(sendPace(250, 2)).toEqual({ chunkSize: 100, chunksPerTick: 2, requestsPerSecond: 2 });
		expect(sendPace(10_000, 10)).toMatchObject({ chunkSize: 100, chunksPerTick: 100 });
	});

	it("sends smaller chunks, one a second, when the workspace allows fewer than 100 recipients a second", () => {
		expect(sendPace(30, 2)).toMatchObject({ chunkSize: 30, chunksPerTick: 1 });
		expect(sendPace(0, 2)).toMatchObject({ chunkSize: 1, chunksPerTick: 1 });
	});

	it("limits provider calls only by the provider account's limit, and not at all for the capture outbox", () => {
		expect(sendPace(10_000, 3).requestsPerSecond).toBe(3);
		expect(sendPace(10_000, null).requestsPerSecond).toBeNull();
	});
});
