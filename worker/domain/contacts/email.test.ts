import { describe, expect, it } from "vitest";
import { normalizeDomainName, normalizeEmail } from "./email";

describe("normalizeEmail", () => {
	it("trims and lower-cases ordinary addresses", () => {
		expect(normalizeEmail("  Ada.Lovelace+news@Example.CO.uk ")).toEqual({
			ok: true,
			email: "ada.lovelace+news@example.co.uk",
		});
		expect(normalizeEmail("o'brien@xn--bcher-kva.example").ok).toBe(true);
	});

	it("refuses NUL, control, bidi and whitespace characters anywhere", () => {
		for (const bad of [
			"a\u0000b@example.com",
			"ab@example.com\u0000",
			"a\u202eb@example.com",
			"ab@exa\u202emple.com",
			"a\u2066b@example.com",
			"a\u200eb@example.com",
			"a\u0085b@example.com",
			"a\u007fb@example.com",
			"a b@example.com",
			"a\u00a0b@example.com",
			"ab@example.com\r\nBcc: spy@evil.test",
		]) {
			expect(normalizeEmail(bad).ok, JSON.stringify(bad)).toBe(false);
		}
	});

	it("shows invisible characters escaped in the reason", () => {
		const check = normalizeEmail("a\u202eb@example.com");
		expect(check.ok).toBe(false);
		if (!check.ok) expect(check.reason).toBe('"a\\u202eb@example.com" is not a valid email address');
	});

	it("refuses quoted local parts, IP literals, bad labels and odd dots", () => {
		for (const bad of [
			'"a b"@example.com',
			'"a"@example.com',
			"a@[192.0.2.1]",
			"a@192.0.2.1",
			`a@${"x".repeat(64)}.com`,
			"a@-x.com",
			"a@x-.com",
			"a@x..com",
			"a@localhost",
			"a@example.c",
			"a@example.123",
			".a@example.com",
			"a.@example.com",
			"a..b@example.com",
			`${"a".repeat(65)}@example.com`,
			"a@b@example.com",
			"a<b>@example.com",
			"a,b@example.com",
			"jörg@example.com",
		]) {
			expect(normalizeEmail(bad).ok, bad).toBe(false);
		}
		expect(normalizeEmail(`a@${"x".repeat(63)}.com`).ok).toBe(true);
	});
});

describe("normalizeDomainName", () => {
	it("accepts host names and refuses everything else", () => {
		expect(normalizeDomainName(" Mail.Example.COM ")).toEqual({ ok: true, domain: "mail.example.com" });
		for (const bad of ["example", "1.2.3.4", "exa mple.com", "example.com.", "*.example.com", "ex_ample.com", ""]) {
			expect(normalizeDomainName(bad).ok, bad).toBe(false);
		}
	});
});
