import { describe, expect, it } from "vitest";
import { outcomeOf, taggedMessageId } from "./resend-event";

const event = (type: string, data: Record<string, unknown> = {}) => ({ type, data: { email_id: "re_1", ...data } });

describe("what a Resend event means", () => {
	it("fails the message with Resend's reason on email.failed, without suppressing the address", () => {
		expect(outcomeOf(event("email.failed", { failed: { reason: "reached_daily_quota" } }))).toEqual({
			kind: "move",
			target: "failed",
			error: "Resend: reached_daily_quota",
			suppress: null,
			log: "failed",
		});
	});

	it("marks the message suppressed and suppresses the address on email.suppressed", () => {
		const outcome = outcomeOf(event("email.suppressed", { suppressed: { type: "OnAccountSuppressionList" } }));
		expect(outcome).toMatchObject({ kind: "move", target: "suppressed", suppress: "bounced", log: "suppressed" });
	});

	it("suppresses on a hard bounce and a complaint, not on a soft bounce", () => {
		expect(outcomeOf(event("email.bounced", { bounce: { type: "Permanent" } }))).toMatchObject({ suppress: "bounced" });
		expect(outcomeOf(event("email.bounced", { bounce: { type: "Transient" } }))).toMatchObject({ suppress: null });
		expect(outcomeOf(event("email.complained"))).toMatchObject({ suppress: "complained" });
	});

	it("notes a delay and ignores events it does not act on", () => {
		expect(outcomeOf(event("email.delivery_delayed"))).toEqual({ kind: "delayed" });
		expect(outcomeOf(event("email.opened"))).toEqual({ kind: "ignored" });
	});

	it("reads Pulse's message id from the tags object Resend sends, or the array form", () => {
		expect(taggedMessageId(event("email.bounced", { tags: { message_id: "msg_1", other: "x" } }))).toBe("msg_1");
		expect(taggedMessageId(event("email.bounced", { tags: [{ name: "message_id", value: "msg_2" }] }))).toBe("msg_2");
		expect(taggedMessageId(event("email.bounced", { tags: { category: "x" } }))).toBeNull();
		expect(taggedMessageId(event("email.bounced"))).toBeNull();
	});
});
