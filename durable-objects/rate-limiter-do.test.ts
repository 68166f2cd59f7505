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

	it("never lets more leave in a second than the provider says the account may, when that is below the setting", async () => {
		const l = limiter("stated");
		const first = await l.depart(10);
		await l.landed(first.at, { limit: 2, remaining: 1, resetMs: 1000 });
		expect((await l.depart(10)).wait).toBe(0);
		expect((await l.depart(10)).wait).toBeGreaterThan(900);
		// The slots are spaced for 2 a second too.
		// Each slot is when its request was asked plus the wait it was given (a busy machine asks the second later).
		const slot = async () => {
			const asked = Date.now();
			return asked + (await l.acquire(10));
		};
		const slots = [await slot(), await slot()];
		expect((slots[1] ?? 0) - (slots[0] ?? 0)).toBeGreaterThanOrEqual(495);
	});

	it("waits for the provider's reset when it says nothing is left and Pulse's own requests do not explain it", async () => {
		const l = limiter("reset");
		const first = await l.depart(10);
		// Someone else uses the account: one request of ours, yet none left until the window resets in 2 s.
		await l.landed(first.at, { limit: 5, remaining: 0, resetMs: 2000 });
		expect((await l.depart(10)).wait).toBeGreaterThan(1900);
		expect(await l.acquire(10)).toBeGreaterThan(1900);
	});

	it("lets the window, not the whole-second reset, hold the next request when Pulse's own requests filled it", async () => {
		const l = limiter("ours");
		const gates = [await l.depart(2), await l.depart(2)];
		for (const gate of gates) await l.landed(gate.at, { limit: 2, remaining: 0, resetMs: 5000 });
		const next = await l.depart(2);
		expect(next.wait).toBeGreaterThan(900);
		expect(next.wait).toBeLessThanOrEqual(1002);
	});
});
