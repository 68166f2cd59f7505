import { describe, expect, it } from "vitest";
import { instantOf, isTimeZone, nextLocalTime, quietUntil, wallClock } from "./local-time";

const iso = (ms: number) => new Date(ms).toISOString();

describe("local send times", () => {
	it("finds the next 09:00 in the contact's zone, today when it is still to come, else tomorrow", () => {
		const berlinMorning = Date.parse("2026-06-10T05:00:00Z"); // 07:00 in Berlin (CEST, UTC+2)
		expect(iso(nextLocalTime(berlinMorning, "09:00", "Europe/Berlin"))).toBe("2026-06-10T07:00:00.000Z");
		const berlinNoon = Date.parse("2026-06-10T10:00:00Z");
		expect(iso(nextLocalTime(berlinNoon, "09:00", "Europe/Berlin"))).toBe("2026-06-11T07:00:00.000Z");
		expect(iso(nextLocalTime(berlinNoon, "09:00", "America/New_York"))).toBe("2026-06-10T13:00:00.000Z");
	});

	it("keeps 09:00 local across daylight-saving changes (Berlin: 29 March and 25 October 2026)", () => {
		const beforeSpring = Date.parse("2026-03-28T12:00:00Z"); // Saturday, CET (UTC+1)
		expect(iso(nextLocalTime(beforeSpring, "09:00", "Europe/Berlin"))).toBe("2026-03-29T07:00:00.000Z"); // CEST
		const beforeFall = Date.parse("2026-10-24T12:00:00Z");
		expect(iso(nextLocalTime(beforeFall, "09:00", "Europe/Berlin"))).toBe("2026-10-25T08:00:00.000Z"); // CET again
		// 02:30 does not exist on 29 March in Berlin: the same wall time after the jump.
		expect(iso(instantOf({ year: 2026, month: 3, day: 29 }, "02:30", "Europe/Berlin"))).toBe(
			"2026-03-29T01:30:00.000Z",
		);
	});

	it("waits for an allowed weekday", () => {
		const fridayEvening = Date.parse("2026-06-12T18:00:00Z"); // Friday
		const monday = nextLocalTime(fridayEvening, "09:00", "Europe/London", ["mon", "tue", "wed", "thu", "fri"]);
		expect(iso(monday)).toBe("2026-06-15T08:00:00.000Z");
		expect(wallClock(monday, "Europe/London").weekday).toBe("mon");
	});

	it("holds sends in quiet hours until they end, also across midnight", () => {
		const quiet = { start: "21:00", end: "08:00" };
		const lateNight = Date.parse("2026-06-10T21:30:00Z"); // 23:30 in Berlin
		expect(iso(quietUntil(lateNight, quiet, "Europe/Berlin") ?? 0)).toBe("2026-06-11T06:00:00.000Z");
		const earlyMorning = Date.parse("2026-06-11T04:00:00Z"); // 06:00 in Berlin
		expect(iso(quietUntil(earlyMorning, quiet, "Europe/Berlin") ?? 0)).toBe("2026-06-11T06:00:00.000Z");
		expect(quietUntil(Date.parse("2026-06-11T10:00:00Z"), quiet, "Europe/Berlin")).toBeNull();
	});

	it("knows an IANA zone from a made-up one", () => {
		expect(isTimeZone("Asia/Kolkata")).toBe(true);
		expect(isTimeZone("Mars/Olympus")).toBe(false);
	});
});
