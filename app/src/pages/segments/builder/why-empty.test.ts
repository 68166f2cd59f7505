import { describe, expect, it } from "vitest";
import { whyEmpty } from "./why-empty";

describe("why a segment matches nobody", () => {
	it("points at the rules that match nobody alone", () => {
		expect(
			whyEmpty([
				{ path: "all.0", count: 3 },
				{ path: "all.1", count: 0 },
			]),
		).toMatch(/^One rule matches nobody/);
		expect(
			whyEmpty([
				{ path: "all.0", count: 0 },
				{ path: "all.1", count: 0 },
			]),
		).toMatch(/^2 rules match nobody/);
	});

	it("says the rules only conflict together, or gives general advice without counts", () => {
		expect(
			whyEmpty([
				{ path: "all.0", count: 3 },
				{ path: "all.1", count: 2 },
			]),
		).toMatch(/all of them together/);
		expect(whyEmpty(undefined)).toMatch(/Nobody matches yet/);
	});
});
