import { describe, expect, it } from "vitest";
import { contactZone, localDueAt } from "./local-send";

const sendAt = Date.UTC(2026, 11, 10, 0, 0);

describe("local send time", () => {
	it("sends at 09:00 on each recipient's clock, from the campaign's send time on", () => {
		expect(new Date(localDueAt(sendAt, "09:00", "Asia/Tokyo")).toISOString()).toBe("2026-12-10T00:00:00.000Z");
		expect(new Date(localDueAt(sendAt, "09:00", "Europe/Berlin")).toISOString()).toBe("2026-12-10T08:00:00.000Z");
		expect(new Date(localDueAt(sendAt, "09:00", "America/New_York")).toISOString()).toBe("2026-12-10T14:00:00.000Z");
		// Already past 09:00 at the send time (Kiritimati is UTC+14): the next morning.
		expect(new Date(localDueAt(sendAt, "09:00", "Pacific/Kiritimati")).toISOString()).toBe("2026-12-10T19:00:00.000Z");
	});

	it("follows daylight saving: 09:00 in Berlin is 07:00 UTC in summer", () => {
		expect(new Date(localDueAt(Date.UTC(2026, 6, 1), "09:00", "Europe/Berlin")).toISOString()).toBe(
			"2026-07-01T07:00:00.000Z",
		);
	});

	it("reads a contact without a usable zone in the workspace's", () => {
		expect(contactZone("Asia/Tokyo", "UTC")).toBe("Asia/Tokyo");
		expect(contactZone(null, "Europe/Berlin")).toBe("Europe/Berlin");
		expect(contactZone("Mars/Olympus", "Europe/Berlin")).toBe("Europe/Berlin");
	});
});
