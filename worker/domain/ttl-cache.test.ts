import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

describe("TtlCache", () => {
	it("forgets an entry once its TTL has passed, or at its own earlier deadline", () => {
		let now = 1_000;
		const cache = new TtlCache<string>(5_000, 10, () => now);
		cache.set("a", "A");
		cache.set("b", "B", 2_000);
		now = 1_999;
		expect([cache.get("a"), cache.get("b")]).toEqual(["A", "B"]);
		now = 2_000;
		expect([cache.get("a"), cache.get("b")]).toEqual(["A", undefined]);
		now = 6_000;
		expect(cache.get("a")).toBeUndefined();
	});

	it("never holds more than its bound, dropping the oldest entry first", () => {
		const cache = new TtlCache<number>(5_000, 2, () => 0);
		cache.set("1", 1);
		cache.set("2", 2);
		cache.set("3", 3);
		expect(cache.size).toBe(2);
		expect([cache.get("1"), cache.get("2"), cache.get("3")]).toEqual([undefined, 2, 3]);
	});

	it("forgets at once every entry that matches", () => {
		const cache = new TtlCache<{ ws: string }>(5_000, 10, () => 0);
		cache.set("a", { ws: "x" });
		cache.set("b", { ws: "y" });
		cache.forget((v) => v.ws === "x");
		expect([cache.get("a"), cache.get("b")]).toEqual([undefined, { ws: "y" }]);
	});
});
