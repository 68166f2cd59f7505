import { describe, expect, it } from "vitest";
import { constantTimeEqual, fromBase64Url, toBase64Url } from "./encoding";
import { newId } from "./ids";

describe("ids", () => {
	it("sort by creation time, so ordering by id is a stable cursor", () => {
		const base = Date.now() + 120_000;
		const ids = [base, base + 1, base + 100_000].map((t) => newId("ctc", t));
		expect([...ids].sort()).toEqual(ids);
		expect(ids[0]).toMatch(/^ctc_[0-9a-z]{26}$/);
	});

	it("never collide, and keep creation order, within the same millisecond", () => {
		const at = Date.now() + 60_000;
		const ids = Array.from({ length: 1000 }, () => newId("x", at));
		expect(new Set(ids).size).toBe(1000);
		expect([...ids].sort()).toEqual(ids);
	});

	it("stamp the time they are made at, even after an id made for a later time", () => {
		const later = newId("cmp", Date.now() + 3_600_000);
		const now = Date.now();
		const id = newId("aud", now);
		expect(id.slice(4, 14)).toBe(newId("aud", now).slice(4, 14));
		expect(id.slice(4) < later.slice(4)).toBe(true);
	});
});

describe("encoding", () => {
	it("round-trips base64url and refuses other alphabets", () => {
		const bytes = new Uint8Array([0, 250, 251, 252, 253, 254, 255]);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		expect(fromBase64Url("a+b/")).toBeNull();
	});

	it("compares bytes exactly", () => {
		expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
		expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
		expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 2]))).toBe(false);
	});
});
