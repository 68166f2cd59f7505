import { describe, expect, it } from "vitest";
import { type ReadinessFacts, readiness } from "./readiness";

const now = new Date("2026-12-01T12:00:00Z");
const READY: ReadinessFacts = {
	audience: 120,
	postalAddress: "1 Main St, Springfield",
	html: "<p>Hello</p>",
	fromEmail: "news@acme.example",
	senderProblem: null,
	lastTestSendAt: new Date("2026-12-01T10:00:00Z"),
	approval: "approved",
	approvalStage: null,
	sendAt: new Date("2026-12-02T09:00:00Z"),
	now,
};
const failing = (f: ReadinessFacts) =>
	readiness(f)
		.checks.filter((c) => !c.ok)
		.map((c) => c.key);

describe("readiness checklist", () => {
	it("scores 100 and is ready when every check passes", () => {
		const r = readiness(READY);
		expect(r).toMatchObject({ score: 100, ready: true });
		expect(r.checks.map((c) => c.key)).toEqual([
			"audience",
			"footer",
			"unsubscribe",
			"sender",
			"test_send",
			"approvals",
			"schedule",
		]);
	});

	it("names each problem and lowers the score by its share", () => {
		const r = readiness({
			...READY,
			audience: 0,
			lastTestSendAt: null,
			approval: "pending",
			approvalStage: "Compliance",
			sendAt: new Date("2026-12-01T11:00:00Z"),
		});
		expect(failing({ ...READY, audience: 0 })).toEqual(["audience"]);
		expect(r.checks.filter((c) => !c.ok).map((c) => c.key)).toEqual(["audience", "test_send", "approvals", "schedule"]);
		expect(r.score).toBe(43);
		expect(r.ready).toBe(false);
		expect(r.checks.find((c) => c.key === "approvals")?.detail).toBe("Waiting for Compliance");
	});

	it("needs the postal address, and in an email with its own unsubscribe link a footer showing it", () => {
		expect(failing({ ...READY, postalAddress: null })).toEqual(["footer"]);
		const ownLink = '<p>Hi</p><a href="{{ unsubscribe_url }}">Leave</a>';
		expect(failing({ ...READY, html: ownLink })).toEqual(["footer"]);
		expect(failing({ ...READY, html: `${ownLink} {{ workspace.postal_address }}` })).toEqual([]);
	});

	it("refuses a missing or unusable sender", () => {
		expect(failing({ ...READY, fromEmail: "" })).toEqual(["sender"]);
		expect(failing({ ...READY, senderProblem: "acme.example is not verified" })).toEqual(["sender"]);
	});

	it("passes approvals when the policy asks for none, and a campaign sent on demand", () => {
		expect(failing({ ...READY, approval: "not_required", sendAt: null })).toEqual([]);
		expect(failing({ ...READY, approval: "changes_requested" })).toEqual(["approvals"]);
	});
});
