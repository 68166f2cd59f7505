import { describe, expect, it } from "vitest";
import {
	displayNameProblem,
	formatAddress,
	operatorDomainsFor,
	operatorHolds,
	parseOperatorDomains,
	senderDomainAllowed,
} from "./sender";

/** What a mail parser sees: the header must stay one line with one address in angle brackets. */
const headerLines = (value: string) => value.split(/\r\n|\r|\n/);

describe("formatAddress", () => {
	it("writes a plain name as it is and an empty name as the bare address", () => {
		expect(formatAddress("Acme News", "news@acme.test")).toBe("Acme News <news@acme.test>");
		expect(formatAddress("", "news@acme.test")).toBe("news@acme.test");
		expect(formatAddress(null, "News@Acme.test")).toBe("news@acme.test");
	});

	it("quotes a name with specials, escaping quotes and backslashes", () => {
		expect(formatAddress("Acme, Inc.", "news@acme.test")).toBe('"Acme, Inc." <news@acme.test>');
		expect(formatAddress('The "Best" Shop', "news@acme.test")).toBe('"The \\"Best\\" Shop" <news@acme.test>');
		expect(formatAddress("back\\slash", "news@acme.test")).toBe('"back\\\\slash" <news@acme.test>');
		expect(formatAddress("Evil <spy@evil.test>", "news@acme.test")).toBe('"Evil <spy@evil.test>" <news@acme.test>');
		expect(formatAddress("Zoë's Café", "news@acme.test")).toBe('"Zoë\'s Café" <news@acme.test>');
	});

	it("never produces a second header or a second address, whatever was stored", () => {
		const from = formatAddress("Acme\r\nBcc: spy@evil.test", "news@x.test");
		expect(headerLines(from)).toHaveLength(1);
		expect(from).toBe('"Acme Bcc: spy@evil.test" <news@x.test>');
		expect(formatAddress('x" <a@b.test>, "y', "news@x.test")).toBe('"x\\" <a@b.test>, \\"y" <news@x.test>');
		expect(formatAddress("\u202eevil\u0000", "news@x.test")).toBe("evil <news@x.test>");
	});

	it("refuses an address that is not strictly valid", () => {
		expect(() => formatAddress("A", "a@b.test>, spy@evil.test")).toThrow();
		expect(() => formatAddress("A", "news@x.test\r\nBcc: spy@evil.test")).toThrow();
	});
});

describe("displayNameProblem", () => {
	it("refuses control, DEL, C1 and text-direction characters and accepts quotes, commas and brackets", () => {
		for (const bad of [
			"a\r\nb",
			"a\nb",
			"a\u0000b",
			"a\u007fb",
			"a\u0085b",
			"a\u202eb",
			"a\u2066b",
			"a\u200fb",
			"a\u2028b",
		]) {
			expect(displayNameProblem(bad), JSON.stringify(bad)).not.toBeNull();
		}
		for (const good of ['The "Best", <Shop>', "Zoë", "Acme\\Inc", "Émile & Co"]) {
			expect(displayNameProblem(good)).toBeNull();
		}
	});
});

describe("sending domains", () => {
	it("allows exactly the verified domains, not their subdomains or look-alikes", () => {
		expect(senderDomainAllowed("news@acme.test", ["acme.test"])).toBe(true);
		expect(senderDomainAllowed("news@mail.acme.test", ["acme.test"])).toBe(false);
		expect(senderDomainAllowed("news@evilacme.test", ["acme.test"])).toBe(false);
		expect(senderDomainAllowed("news@acme.test", [])).toBe(false);
	});

	it("reads the operator's list and ignores entries that do not parse", () => {
		const grants = parseOperatorDomains(
			" Example.COM=ws_123, acme.test=*\nbad, nodomain=, =ws_1, x.test=ws!1 1.2.3.4=* a=b=c y.test=ws_9",
		);
		expect(grants).toEqual([
			{ domain: "example.com", workspaceId: "ws_123" },
			{ domain: "acme.test", workspaceId: "*" },
			{ domain: "y.test", workspaceId: "ws_9" },
		]);
		expect(operatorDomainsFor(grants, "ws_123").sort()).toEqual(["acme.test", "example.com"]);
		expect(operatorDomainsFor(grants, "ws_other")).toEqual(["acme.test"]);
		expect(operatorHolds(grants, "y.test")).toBe(true);
		expect(parseOperatorDomains(undefined)).toEqual([]);
	});
});
