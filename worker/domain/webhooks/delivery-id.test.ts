import { describe, expect, it } from "vitest";
import { newId } from "../ids";
import { keyedDeliveryId } from "./delivery-id";

describe("keyedDeliveryId", () => {
	const at = new Date("2026-12-02T22:00:00Z");

	it("is the same for the same event at the same endpoint, and differs for another event or endpoint", async () => {
		const id = await keyedDeliveryId("import.completed:imp_1", "whe_1", at);
		expect(await keyedDeliveryId("import.completed:imp_1", "whe_1", at)).toBe(id);
		expect(await keyedDeliveryId("import.completed:imp_2", "whe_1", at)).not.toBe(id);
		expect(await keyedDeliveryId("import.completed:imp_1", "whe_2", at)).not.toBe(id);
	});

	it("looks like and sorts with the ids made at that time", async () => {
		const id = await keyedDeliveryId("k", "whe_1", at);
		const before = newId("msg", at.getTime() - 1);
		const after = newId("msg", at.getTime() + 1);
		expect(id).toMatch(/^msg_[0-9a-z]{26}$/);
		expect(id).toHaveLength(before.length);
		expect([after, id, before].sort()).toEqual([before, id, after]);
	});
});
