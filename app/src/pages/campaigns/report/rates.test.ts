import { describe, expect, it } from "vitest";
import { formatRate, reportRates } from "./rates";

const stats = { sent: 200, delivered: 160, unique_opens: 40, unique_clicks: 10 };

describe("report rates", () => {
	it("takes open and click rates over delivered when the provider reports it", () => {
		const r = reportRates({ ...stats, provider_reports_delivery: true });
		expect(r.delivered).toMatchObject({ part: 160, base: 200, baseLabel: "sent", value: 0.8 });
		expect(r.open).toMatchObject({ base: 160, baseLabel: "delivered", value: 0.25 });
		expect(r.click).toMatchObject({ base: 160, value: 0.0625 });
		expect(r.clickToOpen).toMatchObject({ part: 10, base: 40, baseLabel: "opened", value: 0.25 });
	});

	it("says delivered is not reported and falls back to sent without a provider that reports it", () => {
		const r = reportRates({ ...stats, delivered: 0, provider_reports_delivery: false });
		expect(r.delivered).toBeNull();
		expect(r.open).toMatchObject({ base: 200, baseLabel: "sent", value: 0.2 });
	});

	it("has no rate without a base", () => {
		const r = reportRates({ sent: 0, delivered: 0, unique_opens: 0, unique_clicks: 0 });
		expect(r.open.value).toBeNull();
		expect(r.clickToOpen.value).toBeNull();
		expect(formatRate(null)).toBe("—");
		expect(formatRate(0.0625)).toBe("6.3%");
		expect(formatRate(0.25)).toBe("25%");
		expect(formatRate(0)).toBe("0%");
	});
});
