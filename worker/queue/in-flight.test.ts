import { describe, expect, it } from "vitest";
import { inFlight } from "./in-flight";

describe("provider calls in flight", () => {
	it("never keeps more than the limit open at once, and runs every call, in order of asking", async () => {
		const calls = inFlight(3);
		let open = 0;
		let most = 0;
		const started: number[] = [];
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				calls(async () => {
					started.push(i);
					open++;
					most = Math.max(most, open);
					await new Promise((resolve) => setTimeout(resolve, 1 + (i % 3)));
					open--;
					return i;
				}),
			),
		);
		expect(most).toBe(3);
		expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
		expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
	});

	it("frees the place of a call that failed", async () => {
		const calls = inFlight(1);
		await expect(calls(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
		expect(await calls(async () => "next")).toBe("next");
	});
});
