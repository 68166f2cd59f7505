import { describe, expect, it } from "vitest";
import { parseJourneyFrame } from "./live-journey";

const stats = {
	entered: 3,
	active: 1,
	completed: 2,
	exited: {},
	conversion_rate: null,
	nodes: { a: { waiting: 1, passed: 2 } },
};

describe("a journey's live frames", () => {
	it("takes the numbers from a snapshot and from each update", () => {
		expect(parseJourneyFrame(JSON.stringify({ type: "snapshot", stats }))).toEqual(stats);
		expect(parseJourneyFrame(JSON.stringify({ type: "stats", stats }))).toEqual(stats);
	});

	it("ignores pongs, other message types and malformed frames", () => {
		for (const data of [
			"pong",
			"{",
			JSON.stringify({ type: "status", status: "paused" }),
			JSON.stringify({ type: "stats", stats: { entered: "3" } }),
			42,
		])
			expect(parseJourneyFrame(data)).toBeUndefined();
	});
});
