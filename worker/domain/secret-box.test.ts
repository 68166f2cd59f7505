import { describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";

const SECRET = "server-secret-0123456789abcdef";

describe("sealing a provider key", () => {
	it("stores nothing of the key in the clear and opens only with the same secret and owner", async () => {
		const sealed = await seal(SECRET, "ws_a", "re_live_abcdef123456");
		expect(sealed).not.toContain("re_live");
		expect(sealed).not.toContain("123456");
		expect(await open(SECRET, "ws_a", sealed)).toBe("re_live_abcdef123456");
		expect(await open("another-secret-0123456789abcdef", "ws_a", sealed)).toBeNull();
		expect(await open(SECRET, "ws_b", sealed)).toBeNull();
		expect(await open(SECRET, "ws_a", `${sealed.slice(0, -2)}AA`)).toBeNull();
	});

	it("uses a fresh IV for every seal", async () => {
		const [a, b] = await Promise.all([seal(SECRET, "ws", "re_x"), seal(SECRET, "ws", "re_x")]);
		expect(a).not.toBe(b);
	});
});
