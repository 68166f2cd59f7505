import { describe, expect, it } from "vitest";
import { pinJourneyIssues } from "./issues";

describe("where the API's journey issues are shown", () => {
	it("puts a step's issue on that step, whichever check found it", () => {
		expect(
			pinJourneyIssues([
				{ path: "nodes.email_1.template_id", message: "No template" },
				{ path: "definition.nodes.wait_1.event", message: "Must be at most 100 characters" },
				{ path: "nodes.loop", message: "A loop needs a delay" },
			]),
		).toEqual([
			{ key: "email_1", field: "template_id", message: "No template" },
			{ key: "wait_1", field: "event", message: "Must be at most 100 characters" },
			{ key: "loop", field: "", message: "A loop needs a delay" },
		]);
	});

	it("says what an empty required field needs instead of the shape check's wording", () => {
		const [email, entry] = pinJourneyIssues([
			{ path: "definition.nodes.email_1.template_id", message: "Too small: expected string to have >=1 characters" },
			{ path: "definition.entry.event", message: "Too small: expected string to have >=1 characters" },
		]);
		expect(email?.message).toBe("Choose a template for this email");
		expect(entry?.message).toBe("Name the event");
	});

	it("puts entry, re-entry and exit issues on the entry panel, the rest on the journey", () => {
		expect(
			pinJourneyIssues([
				{ path: "entry.segment_id", message: "No segment" },
				{ path: "exit.0.event", message: "Required" },
				{ path: "name", message: "Required" },
			]).map((p) => [p.key, p.field]),
		).toEqual([
			["entry", "segment_id"],
			["exit", "0.event"],
			["journey", "name"],
		]);
	});
});
