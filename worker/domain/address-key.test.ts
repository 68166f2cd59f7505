import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";

describe("addressKey", () => {
	it("keys an address the same way every time, without showing it, and differently under another secret", async () => {
		const key = await addressKey("secret-a", "ada@example.com");
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(await addressKey("secret-a", "ada@example.com")).toBe(key);
		expect(await addressKey("secret-a", "bob@example.com")).not.toBe(key);
		expect(await addressKey("secret-b", "ada@example.com")).not.toBe(key);
	});
});
