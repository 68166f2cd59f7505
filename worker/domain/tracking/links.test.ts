import { describe, expect, it } from "vitest";
import { safeHttpUrl, trackableUrl } from "./links";

describe("redirect targets", () => {
	it("keep http(s) URLs as the browser reads them", () => {
		expect(safeHttpUrl(" https://Shop.example/a b?q=ü ")).toBe("https://shop.example/a%20b?q=%C3%BC");
	});

	it("can never carry CR/LF or another header", () => {
		expect(safeHttpUrl("https://shop.example/x\r\nSet-Cookie: a=1")).toBe("https://shop.example/xSet-Cookie:%20a=1");
	});

	it("refuse other schemes and unparseable URLs", () => {
		for (const bad of ["javascript:alert(1)", "https://", "//evil.example", "data:text/html,x", "ftp://a.example"])
			expect(safeHttpUrl(bad), bad).toBeNull();
	});

	it("track URLs up to 4,000 characters", () => {
		const url = (n: number) => `https://a.example/${"x".repeat(n)}`;
		expect(trackableUrl(url(3_900))).toBe(url(3_900));
		expect(trackableUrl(url(4_100))).toBeNull();
	});
});
