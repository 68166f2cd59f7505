import { describe, expect, it } from "vitest";
import { bucketStart, chooseBucket } from "./buckets";
import { csvCell, csvLine } from "./csv";
import { boundFor, decodeTimelineCursor, encodeTimelineCursor, mergeTimeline } from "./timeline-cursor";

const HOUR = 3_600_000;

describe("chart buckets", () => {
	it("draws minutes during the first hours, then hours, then days", () => {
		expect(chooseBucket(0, 0)).toBe("minute");
		expect(chooseBucket(0, 3 * HOUR)).toBe("minute");
		expect(chooseBucket(0, 3 * HOUR + 1)).toBe("hour");
		expect(chooseBucket(0, 96 * HOUR)).toBe("hour");
		expect(chooseBucket(0, 96 * HOUR + 1)).toBe("day");
		expect(bucketStart(Date.UTC(2026, 0, 1, 10, 17, 42), "minute")).toBe(Date.UTC(2026, 0, 1, 10, 17));
		expect(bucketStart(Date.UTC(2026, 0, 1, 10, 17, 42), "day")).toBe(Date.UTC(2026, 0, 1));
	});
});

describe("CSV cells", () => {
	it("quotes every cell and makes formula-like cells text", () => {
		expect(csvCell("a@b.co")).toBe('"a@b.co"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1`)).toBe(`"'${start}1"`);
		expect(csvCell(null)).toBe('""');
		expect(csvLine(["a", 1, null])).toBe('"a","1",""\r\n');
	});
});

describe("timeline cursor", () => {
	it("round-trips and refuses anything else", () => {
		const at = { at: 1_700_000_000_000, kind: "open" as const, id: "trk_abc" };
		expect(decodeTimelineCursor(encodeTimelineCursor(at))).toEqual(at);
		expect(decodeTimelineCursor("nonsense")).toBeNull();
		expect(decodeTimelineCursor(encodeTimelineCursor({ ...at, kind: "sms" as "open" }))).toBeNull();
	});

	it("merges sources newest first, breaking ties by kind then id, and bounds each source after the cursor", () => {
		const items = [
			{ at: 5, kind: "open" as const, id: "b" },
			{ at: 5, kind: "click" as const, id: "a" },
			{ at: 9, kind: "event" as const, id: "c" },
			{ at: 5, kind: "open" as const, id: "a" },
		];
		const { page, next } = mergeTimeline(items, 3);
		expect(page.map((i) => `${i.kind}:${i.id}`)).toEqual(["event:c", "open:b", "open:a"]);
		const cursor = decodeTimelineCursor(next ?? "");
		expect(cursor).toEqual({ at: 5, kind: "open", id: "a" });
		expect(boundFor("click", cursor)).toEqual({ at: 5, sameAt: "all" });
		expect(boundFor("status", cursor)).toEqual({ at: 5, sameAt: "none" });
		expect(boundFor("open", cursor)).toEqual({ at: 5, sameAt: "below", idBelow: "a" });
		expect(boundFor("open", null)).toBeNull();
	});
});
