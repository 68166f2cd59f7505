import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

const limiter = (name: string) => env.RATE_LIMITER.getByName(`${name}-${Date.now()}-${Math.random()}`);

describe("the provider rate limiter", () => {
	it("spaces reserved slots a little wider than the limit, in order", async () => {
		const l = limiter("slots");
		const slots: number[] = [];
		for (let i = 0; i < 4; i++) {
			const asked = Date.now();
			slots.push(asked + (await l.acquire(4)));
		}
		const gaps = slots.slice(1).map((slot, i) => slot - (slots[i] ?? 0));
		// 250 ms apart at 4/s, plus 2.5% headroom (give or take the clock's granularity between calls).
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(245);
		for (const gap of gaps) expect(gap).toBeLessThan(270);
	});

	it("keeps a slot at least as far out as asked (time to prepare, or a provider's retry-after)", async () => {
		const l = limiter("not-before");
		expect(await l.acquire(2, 1500)).toBeGreaterThanOrEqual(1500);
	});

	it("lets at most R requests leave in any second, however late they ask", async () => {
		const l = limiter("gate");
		const first = await l.depart(3);
		const second = await l.depart(3);
		const third = await l.depart(3);
		expect([first.wait, second.wait, third.wait]).toEqual([0, 0, 0]);
		const fourth = await l.depart(3);
		expect(fourth.wait).toBeGreaterThan(900);
		expect(fourth.wait).toBeLessThanOrEqual(1002);
	});

	it("counts a request from when the provider answered, so a slow answer holds the next ones longer", async () => {
		const l = limiter("landed");
		const departures = [await l.depart(1)];
		await new Promise((resolve) => setTimeout(resolve, 300));
		await l.landed(departures[0]?.at ?? 0);
		const next = await l.depart(1);
		// Counted from the answer (300 ms after leaving), not from the departure.
		expect(next.wait).toBeGreaterThan(950);
	});
});
