import { describe, expect, it } from "vitest";
import { callerIdempotencyKey } from "./idempotency-key";

describe("callers' idempotency keys", () => {
	it("keeps a caller's key as given unless it is in an integration's namespace", () => {
		expect(callerIdempotencyKey("msg-item-purchased-1")).toBe("msg-item-purchased-1");
		expect(callerIdempotencyKey("order:1")).toBe("order:1");
		expect(callerIdempotencyKey("shopify:order:1")).toBe("api:shopify:order:1");
		expect(callerIdempotencyKey("Shopify:Order:1")).toBe("api:Shopify:Order:1");
		expect(callerIdempotencyKey("my-shopify:order:1")).toBe("my-shopify:order:1");
	});
});
