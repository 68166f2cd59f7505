import { describe, expect, it } from "vitest";
import { fillBuckets, MAX_BARS, niceMax } from "./buckets";

const point = (at: string, opens = 0, clicks = 0) => ({ at, opens, clicks, machine_opens: 0, bot_clicks: 0 });

describe("chart buckets", () => {
	it("fills the empty minutes between the server's buckets", () => {
		const filled = fillBuckets({
			bucket: "minute",
			points: [point("2026-01-01T10:03:00.000Z", 0, 1), point("2026-01-01T10:00:00.000Z", 2)],
		});
		expect(filled.map((b) => [new Date(b.at).toISOString().slice(11, 16), b.opens, b.clicks])).toEqual([
			["10:00", 2, 0],
			["10:01", 0, 0],
			["10:02", 0, 0],
			["10:03", 0, 1],
		]);
	});

	it("steps by the bucket the server chose, and keeps the latest bars", () => {
		const days = fillBuckets({
			bucket: "day",
			points: [point("2026-01-01T00:00:00.000Z", 1), point("2026-01-05T00:00:00.000Z", 1)],
		});
		expect(days).toHaveLength(5);
		const long = fillBuckets({
			bucket: "hour",
			points: [point("2026-01-01T00:00:00.000Z", 1), point("2026-03-01T00:00:00.000Z", 1)],
		});
		expect(long).toHaveLength(MAX_BARS);
		expect(new Date(long.at(-1)?.at ?? 0).toISOString()).toBe("2026-03-01T00:00:00.000Z");
		expect(fillBuckets({ bucket: "minute", points: [] })).toEqual([]);
	});

	it("rounds the y axis up", () => {
		expect([0, 3, 7, 12, 180].map(niceMax)).toEqual([1, 3, 10, 20, 200]);
	});
});
