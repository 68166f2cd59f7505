import { describe, expect, it } from "vitest";
import { localSchedule } from "./local-schedule";

describe("send at a time of day in each recipient's time zone", () => {
	it("starts when the chosen date's time happens first anywhere (UTC+14), with that time for everyone", () => {
		const now = Date.parse("2026-12-01T12:00:00Z");
		expect(localSchedule("2026-12-10T09:00", now)).toEqual({
			send_at: "2026-12-09T19:00:00.000Z",
			local_time: "09:00",
		});
	});

	it("starts a minute from now when that moment has passed, and refuses an empty value", () => {
		const now = Date.parse("2026-12-10T12:00:00Z");
		expect(localSchedule("2026-12-10T09:30", now)).toEqual({
			send_at: "2026-12-10T12:01:00.000Z",
			local_time: "09:30",
		});
		expect(localSchedule("", now)).toBeUndefined();
	});
});
