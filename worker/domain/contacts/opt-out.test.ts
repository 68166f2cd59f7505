import { describe, expect, it } from "vitest";
import { consentPredatesOptOut } from "./opt-out";

describe("consent against the latest opt-out", () => {
	it("lets consent subscribe only when it is newer than the opt-out, or there was none", () => {
		expect(consentPredatesOptOut(1_000, null)).toBe(false);
		expect(consentPredatesOptOut(undefined, null)).toBe(false);
		expect(consentPredatesOptOut(2_000, 1_000)).toBe(false);
		expect(consentPredatesOptOut(1_000, 2_000)).toBe(true);
		expect(consentPredatesOptOut(1_000, 1_000)).toBe(true); // same instant: the "no" stands
		expect(consentPredatesOptOut(undefined, 1_000)).toBe(true);
		expect(consentPredatesOptOut(Number.NaN, 1_000)).toBe(true);
	});
});
