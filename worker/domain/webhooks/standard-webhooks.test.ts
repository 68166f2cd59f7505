import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, retryDelaySeconds, shouldDisable, signedHeaders, signWith } from "./standard-webhooks";

// The Standard Webhooks reference library's own vector ("sign function works", libraries/javascript).
const SPEC = {
	secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
	id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
	timestamp: 1614265330,
	body: '{"test": 2432232314}',
	signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

describe("Standard Webhooks signing", () => {
	it("signs the spec's example exactly as the reference library does", async () => {
		expect(await signWith(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body)).toBe(SPEC.signature);
	});

	it("makes secrets a receiver's standardwebhooks library accepts, with every secret of an overlap signing", async () => {
		const current = newWebhookSecret();
		const previous = newWebhookSecret();
		expect(current).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
		expect(current).not.toBe(previous);
		const now = Math.floor(Date.now() / 1000);
		const body = JSON.stringify({ type: "email.clicked", timestamp: new Date().toISOString(), data: { x: 1 } });
		const headers = await signedHeaders([current, previous], "msg_1", now, body);
		expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
		// A receiver still holding the old secret and one already on the new one both verify.
		expect(new Webhook(current).verify(body, headers)).toEqual(JSON.parse(body));
		expect(new Webhook(previous).verify(body, headers)).toEqual(JSON.parse(body));
		expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(/signature/);
		expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow(/signature/);
	});
});

describe("retry schedule", () => {
	it("retries within seconds first, then backs off over about a day, capped at the queue's longest delay", () => {
		expect(retryDelaySeconds(1)).toBe(5);
		const delays: number[] = [];
		for (let attempt = 1; retryDelaySeconds(attempt) !== null; attempt++) delays.push(retryDelaySeconds(attempt) ?? 0);
		expect(delays).toEqual([...delays].sort((a, b) => a - b));
		const total = delays.reduce((a, b) => a + b, 0);
		expect(total).toBeGreaterThan(20 * 3600);
		expect(total).toBeLessThan(36 * 3600);
		expect(retryDelaySeconds(6, 600)).toBe(600);
	});

	it("disables an endpoint only after a full day of failures", () => {
		const now = new Date("2026-05-02T12:00:00Z");
		expect(shouldDisable(null, now)).toBe(false);
		expect(shouldDisable(new Date("2026-05-01T12:00:01Z"), now)).toBe(false);
		expect(shouldDisable(new Date("2026-05-01T12:00:00Z"), now)).toBe(true);
	});
});
