import { describe, expect, it } from "vitest";
import { attribute, revenueOf } from "./attribution";

const H = 3_600_000;
const DAY = 24 * H;
const windowMs = 7 * DAY;
const T0 = Date.UTC(2026, 10, 1);

// Ann clicked the spring newsletter, then the sale email, then bought for 90.
const touches = [
	{ contactId: "ann", source: "spring", at: T0 },
	{ contactId: "ann", source: "sale", at: T0 + DAY },
	{ contactId: "ann", source: "sale", at: T0 + DAY + H },
	// Bob clicked the spring newsletter 10 days before buying: outside the window.
	{ contactId: "bob", source: "spring", at: T0 },
	// Cy clicked the sale email only after buying.
	{ contactId: "cy", source: "sale", at: T0 + 3 * DAY },
];
const conversions = [
	{ contactId: "ann", at: T0 + 2 * DAY, revenue: 90 },
	{ contactId: "bob", at: T0 + 10 * DAY, revenue: 50 },
	{ contactId: "cy", at: T0 + 2 * DAY, revenue: 20 },
];

const summary = (model: "last_touch" | "first_touch" | "linear") =>
	Object.fromEntries(
		[...attribute(conversions, touches, { windowMs, model })].map(([source, c]) => [
			source,
			{ conversions: c.conversions, revenue: c.revenue, contacts: [...c.contacts] },
		]),
	);

describe("conversion attribution", () => {
	it("last touch credits the most recent email clicked in the window, and nothing outside it or after it", () => {
		expect(summary("last_touch")).toEqual({ sale: { conversions: 1, revenue: 90, contacts: ["ann"] } });
	});

	it("first touch credits the earliest email clicked in the window", () => {
		expect(summary("first_touch")).toEqual({ spring: { conversions: 1, revenue: 90, contacts: ["ann"] } });
	});

	it("linear shares a conversion equally between the emails touched, one share per email however many clicks", () => {
		expect(summary("linear")).toEqual({
			spring: { conversions: 0.5, revenue: 45, contacts: ["ann"] },
			sale: { conversions: 0.5, revenue: 45, contacts: ["ann"] },
		});
	});

	it("reads revenue from numbers and numeric strings, anything else is 0", () => {
		expect([revenueOf(12.5), revenueOf(" 30 "), revenueOf("a lot"), revenueOf(null), revenueOf(Number.NaN)]).toEqual([
			12.5, 30, 0, 0, 0,
		]);
	});
});
