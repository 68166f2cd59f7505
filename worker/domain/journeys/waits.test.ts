import { describe, expect, it } from "vitest";
import { isDue, publicStatus } from "./enrollment";
import { advance } from "./executor";
import { context, DAY, HOUR, journey, outcomes, start, T0 } from "./test-support";
import { exitOnEvent, exitOnSegmentLeave, onEvent, onTimeout } from "./waits";

const CART = journey(
	{
		wait: {
			type: "wait_event",
			event: "purchase",
			where: [{ property: "total", op: "gt", value: 0 }],
			match_entry_property: "cart_id",
			timeout: "PT4H",
			on_event: "thanks",
			on_timeout: "remind",
		},
		thanks: { type: "exit" },
		remind: { type: "send_email", template_id: "tpl_cart", next: "done" },
		done: { type: "exit" },
	},
	{ entry: { type: "event", event: "cart_abandoned" } },
);

const waiting = () => advance(CART, start(CART, "enr_1", { cart_id: "cart_9" }), context()).enrollment;
const purchase = (properties: Record<string, unknown>, occurredAt = T0 + HOUR) => ({
	name: "purchase",
	properties,
	occurredAt,
});

describe("wait_event", () => {
	it("waits for the event until its timeout, indexed by event name and entry value", () => {
		expect(waiting()).toMatchObject({
			status: "waiting",
			nodeId: "wait",
			dueAt: T0 + 4 * HOUR,
			waiting: { event: "purchase", matchValue: "cart_9", startedAt: T0, timeoutAt: T0 + 4 * HOUR },
		});
		expect(isDue(waiting(), T0 + HOUR)).toBe(false);
		expect(publicStatus(waiting())).toBe("active");
		expect(advance(CART, waiting(), context({ now: T0 + HOUR })).enrollment).toEqual(waiting());
	});

	it("takes on_event for the same cart_id only, with the where rules holding", () => {
		const now = context({ now: T0 + HOUR });
		for (const other of [{ cart_id: "cart_8", total: 5 }, { total: 5 }, { cart_id: "cart_9", total: 0 }]) {
			expect(onEvent(CART, waiting(), purchase(other), now).matched).toBe(false);
		}
		expect(onEvent(CART, waiting(), { ...purchase({ cart_id: "cart_9", total: 5 }), name: "view" }, now).matched).toBe(
			false,
		);
		const hit = onEvent(CART, waiting(), purchase({ cart_id: "cart_9", total: 5 }), now);
		expect(hit.matched).toBe(true);
		expect(hit.enrollment).toMatchObject({ status: "completed", nodeId: "thanks", waiting: undefined });
		expect(outcomes(hit.enrollment)).toEqual(["wait:event", "thanks:completed"]);
	});

	it("takes on_timeout when now reaches the timeout, and ignores a purchase after it or before the wait", () => {
		const late = context({ now: T0 + 4 * HOUR });
		const timedOut = onTimeout(CART, waiting(), late);
		expect(timedOut.effects.map((e) => e.idempotencyKey)).toEqual(["enr_1:remind:1"]);
		expect(outcomes(timedOut.enrollment)).toEqual(["wait:timeout", "remind:sent", "done:completed"]);
		expect(onEvent(CART, waiting(), purchase({ cart_id: "cart_9", total: 5 }, T0 + 4 * HOUR), late).matched).toBe(
			false,
		);
		expect(onEvent(CART, waiting(), purchase({ cart_id: "cart_9", total: 5 }, T0 - 1), late).matched).toBe(false);
		// Once the timeout has moved it on, the purchase no longer matches.
		expect(onEvent(CART, timedOut.enrollment, purchase({ cart_id: "cart_9", total: 5 }), late).matched).toBe(false);
	});

	it("never matches when the entry lacked the property to match", () => {
		const noCart = advance(CART, start(CART), context()).enrollment;
		expect(onEvent(CART, noCart, purchase({ total: 5 }), context({ now: T0 + HOUR })).matched).toBe(false);
	});
});

describe("exit conditions", () => {
	const DRIP = journey(
		{
			hello: { type: "send_email", template_id: "tpl", next: "wait" },
			wait: { type: "delay", duration: "P3D", next: "again" },
			again: { type: "send_email", template_id: "tpl_2", next: "done" },
			done: { type: "exit" },
		},
		{
			exit: [
				{ type: "event", event: "purchase", where: [{ property: "plan", op: "eq", value: "pro" }] },
				{ type: "segment_leave", segment_id: "seg_1" },
			],
		},
	);

	it("ends the enrollment with reason goal in the middle of a delay, and nothing is sent after", () => {
		const delayed = advance(DRIP, start(DRIP), context()).enrollment;
		expect(exitOnEvent(DRIP, delayed, { name: "purchase", properties: { plan: "free" }, occurredAt: T0 + DAY })).toBe(
			delayed,
		);
		const before = { name: "purchase", properties: { plan: "pro" }, occurredAt: T0 - HOUR };
		expect(exitOnEvent(DRIP, delayed, before)).toBe(delayed); // a purchase from before the entry is no goal
		const goal = exitOnEvent(DRIP, delayed, { name: "purchase", properties: { plan: "pro" }, occurredAt: T0 + DAY });
		expect(goal).toMatchObject({ status: "exited", exitReason: "goal", endedAt: T0 + DAY, dueAt: undefined });
		expect(advance(DRIP, goal, context({ now: T0 + 3 * DAY })).effects).toEqual([]);
	});

	it("ends the enrollment when the contact leaves a segment named in the exit conditions", () => {
		const delayed = advance(DRIP, start(DRIP), context()).enrollment;
		expect(exitOnSegmentLeave(DRIP, delayed, "seg_2", T0 + HOUR)).toBe(delayed);
		expect(exitOnSegmentLeave(DRIP, delayed, "seg_1", T0 + HOUR).exitReason).toBe("segment_leave");
	});
});
