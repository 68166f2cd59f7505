import { describe, expect, it } from "vitest";
import { contactFromIdentify, emailOf, eventFromTrack, occurredAt } from "./segment-map";

describe("Segment identify → contact", () => {
	it("reads the email from traits, an email userId, or context.traits", () => {
		expect(emailOf({ userId: "Ada@Example.com" })).toBe("ada@example.com");
		expect(emailOf({ userId: "u1" }, { email: "b@example.com" })).toBe("b@example.com");
		expect(emailOf({ userId: "u1", context: { traits: { email: "c@example.com" } } })).toBe("c@example.com");
		expect(emailOf({ anonymousId: "a1" })).toBeNull();
	});

	it("splits a full name, keeps scalar traits as attributes (one level flattened) and the userId for later tracks", () => {
		const mapped = contactFromIdentify({
			userId: "019mr8mf4r",
			traits: {
				email: "pgibbons@example.com",
				name: "Peter R. Gibbons",
				plan: "pro",
				logins: 5,
				address: { city: "Austin", geo: { lat: 1 } },
				"bad key!": "x",
				tags: ["a"],
			},
			context: { locale: "en-US", timezone: "America/Chicago" },
		});
		expect(mapped).toEqual({
			ok: true,
			value: {
				email: "pgibbons@example.com",
				first_name: "Peter",
				last_name: "R. Gibbons",
				attributes: { plan: "pro", logins: 5, address_city: "Austin", user_id: "019mr8mf4r" },
				locale: "en-US",
				timezone: "America/Chicago",
			},
		});
	});

	it("opts out on unsubscribed: true or subscribed: false, and refuses an identify without an email", () => {
		const out = contactFromIdentify({ userId: "x@example.com", traits: { unsubscribed: true } });
		expect(out.ok && out.value.status).toBe("unsubscribed");
		expect(contactFromIdentify({ userId: "x@example.com", traits: { subscribed: false } })).toMatchObject({
			value: { status: "unsubscribed" },
		});
		expect(contactFromIdentify({ userId: "u1", traits: { name: "No Mail" } }).ok).toBe(false);
	});
});

describe("Segment track → event", () => {
	it("honours timestamp (else originalTimestamp) and uses messageId as the idempotency key", () => {
		const mapped = eventFromTrack({
			userId: "019mr8mf4r",
			event: "Item Purchased",
			properties: { revenue: 14.99 },
			originalTimestamp: "2012-12-02T00:30:12.984Z",
			messageId: "m-1",
		});
		expect(mapped).toEqual({
			ok: true,
			value: {
				target: { userId: "019mr8mf4r" },
				event: {
					name: "Item Purchased",
					properties: { revenue: 14.99 },
					occurred_at: "2012-12-02T00:30:12.984Z",
					idempotency_key: "m-1",
				},
			},
		});
		expect(occurredAt({ timestamp: "yesterday" }).ok).toBe(false);
	});

	it("refuses anonymous events, missing names and oversized properties", () => {
		expect(eventFromTrack({ anonymousId: "a1", event: "Viewed" }).ok).toBe(false);
		expect(eventFromTrack({ userId: "u1" }).ok).toBe(false);
		expect(eventFromTrack({ userId: "u1", event: "x".repeat(101) }).ok).toBe(false);
		expect(eventFromTrack({ userId: "u1", event: "Big", properties: { blob: "x".repeat(40_000) } }).ok).toBe(false);
	});
});
