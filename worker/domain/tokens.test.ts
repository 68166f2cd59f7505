import { describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "./encoding";
import { signToken, verifyToken } from "./tokens";

const SECRET = "token-test-secret";
const payloads = [
	{ k: "o", m: "msg_1" },
	{ k: "c", m: "msg_1", l: 3, u: "https://shop.example/p?q=1#x" },
	{ k: "u", m: "msg_1", c: "ctc_1", w: "ws_1" },
] as const;

describe("tokens", () => {
	it("round-trip every kind", async () => {
		for (const payload of payloads)
			expect(await verifyToken(SECRET, await signToken(SECRET, payload))).toEqual(payload);
	});

	it("are opaque: neither the URL nor ids can be read from them", async () => {
		const token = await signToken(SECRET, {
			k: "c",
			m: "msg_secret",
			l: 0,
			u: "https://shop.example/?email=ada@example.com",
		});
		const decoded = new TextDecoder("latin1").decode(fromBase64Url(token) ?? new Uint8Array());
		expect(decoded).not.toMatch(/shop|ada|msg_secret/);
		expect(token).toMatch(/^[\w-]+$/);
	});

	it("refuse any change of a single byte", async () => {
		const bytes = fromBase64Url(await signToken(SECRET, payloads[1])) ?? new Uint8Array();
		for (let i = 0; i < bytes.length; i++) {
			const changed = bytes.slice();
			changed[i] = (changed[i] ?? 0) ^ 0x01;
			expect(await verifyToken(SECRET, toBase64Url(changed)), `byte ${i}`).toBeNull();
		}
	});

	it("refuse tokens made with another secret, truncated tokens and garbage", async () => {
		const token = await signToken("another-secret", payloads[0]);
		expect(await verifyToken(SECRET, token)).toBeNull();
		const good = await signToken(SECRET, payloads[0]);
		for (const bad of [
			good.slice(0, -1),
			good.slice(0, 20),
			"",
			"//evil.com",
			"a@b",
			"..%2F",
			"%0d%0aLocation:",
			"\\\\evil",
			"x".repeat(5000),
		]) {
			expect(await verifyToken(SECRET, bad)).toBeNull();
		}
	});
});
