import { describe, expect, it } from "vitest";
import type { Readiness } from "../../../lib/api";
import { refusalFor } from "./SendChecks";

const readiness = (refusals: Readiness["refusals"]): Readiness => ({ score: 100, ready: true, checks: [], refusals });
const passed = { code: "conflict", message: "The send time must be in the future", path: "send_at" };
const cancelled = { code: "conflict", message: "A cancelled campaign cannot schedule", path: "status" };

describe("what holds the send dialog's button", () => {
	it("is the server's refusal of this send, except a saved send time that passed when a new time is picked", () => {
		expect(refusalFor(readiness({ send: null, schedule: passed }), "schedule")).toBeNull();
		expect(refusalFor(readiness({ send: null, schedule: cancelled }), "schedule")).toEqual(cancelled);
		expect(refusalFor(readiness({ send: cancelled, schedule: null }), "now")).toEqual(cancelled);
	});
});
