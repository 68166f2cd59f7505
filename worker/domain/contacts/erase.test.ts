import { describe, expect, it } from "vitest";
import { erasedAddress, redactAddress } from "./erase";

describe("erasure stand-ins", () => {
	it("derives the same stand-in from a contact id every time, and never from the address", async () => {
		const a = await erasedAddress("ctc_1");
		expect(a).toMatch(/^erased\+[0-9a-f]{16}@erased\.invalid$/);
		expect(await erasedAddress("ctc_1")).toBe(a);
		expect(await erasedAddress("ctc_2")).not.toBe(a);
	});

	it("replaces the address in any case, plain or URL-encoded, and leaves other text alone", () => {
		const text = 'Ask Ada+News@Example.com; link ?who=ada%2Bnews%40example.com; {"email":"ada+news@example.com"}';
		expect(redactAddress(text, "ada+news@example.com", "erased+1@erased.invalid")).toBe(
			'Ask erased+1@erased.invalid; link ?who=erased%2B1%40erased.invalid; {"email":"erased+1@erased.invalid"}',
		);
		expect(redactAddress("nothing here", "ada@example.com", "x@erased.invalid")).toBe("nothing here");
	});
});
