import { describe, expect, it } from "vitest";
import { advance } from "./executor";
import { mayEnter, migrate } from "./reentry";
import { pickArm } from "./split";
import { context, DAY, HOUR, journey, start, T0 } from "./test-support";
import { onEvent } from "./waits";

describe("re-entry policy", () => {
	const ended = { status: "completed" as const, enteredAt: T0 - 2 * DAY, endedAt: T0 - DAY };
	const inFlight = { status: "waiting" as const, enteredAt: T0 - HOUR };

	it("lets anyone in the first time", () => {
		for (const mode of ["once", "after_exit", "always"] as const)
			expect(mayEnter({ mode }, [], T0)).toEqual({ ok: true });
	});

	it("once: never again", () => {
		expect(mayEnter({ mode: "once" }, [ended], T0)).toEqual({ ok: false, reason: "already_entered" });
	});

	it("after_exit: not while in flight, and only after the cooldown from the last exit", () => {
		expect(mayEnter({ mode: "after_exit" }, [ended, inFlight], T0)).toEqual({ ok: false, reason: "in_journey" });
		expect(mayEnter({ mode: "after_exit" }, [ended], T0)).toEqual({ ok: true });
		expect(mayEnter({ mode: "after_exit", cooldown: "P2D" }, [ended], T0)).toEqual({
			ok: false,
			reason: "cooldown",
			retryAt: T0 + DAY,
		});
		expect(mayEnter({ mode: "after_exit", cooldown: "P2D" }, [ended], T0 + DAY)).toEqual({ ok: true });
	});

	it("always: concurrent entries, spaced by the cooldown from the last entry", () => {
		expect(mayEnter({ mode: "always" }, [inFlight], T0)).toEqual({ ok: true });
		expect(mayEnter({ mode: "always", cooldown: "PT2H" }, [ended, inFlight], T0)).toMatchObject({
			ok: false,
			reason: "cooldown",
		});
		expect(mayEnter({ mode: "always", cooldown: "PT1H" }, [ended, inFlight], T0)).toEqual({ ok: true });
	});
});

describe("split", () => {
	const arms = [
		{ id: "a", weight: 70, next: "x" },
		{ id: "b", weight: 20, next: "y" },
		{ id: "c", weight: 10, next: "z" },
	];

	it("picks the same arm for the same enrollment and node on every retry", () => {
		for (let i = 0; i < 50; i++) expect(pickArm(`enr_${i}`, "split", arms)).toBe(pickArm(`enr_${i}`, "split", arms));
		const def = journey({
			split: { type: "split", arms: arms.map((a) => ({ ...a, next: `to_${a.id}` })) },
			to_a: { type: "exit" },
			to_b: { type: "exit" },
			to_c: { type: "exit" },
		});
		const once = advance(def, start(def, "enr_42"), context());
		expect(advance(def, start(def, "enr_42"), context())).toEqual(once);
		expect(once.enrollment.history[0]?.outcome).toBe(`arm:${pickArm("enr_42", "split", arms).id}`);
	});

	it("follows the weights across many enrollments (within 1.5 points over 20,000)", () => {
		const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
		const n = 20_000;
		for (let i = 0; i < n; i++) {
			const arm = pickArm(`enr_${i.toString(36)}`, "split_1", arms).id;
			counts[arm] = (counts[arm] ?? 0) + 1;
		}
		expect(Math.abs((counts.a ?? 0) / n - 0.7)).toBeLessThan(0.015);
		expect(Math.abs((counts.b ?? 0) / n - 0.2)).toBeLessThan(0.015);
		expect(Math.abs((counts.c ?? 0) / n - 0.1)).toBeLessThan(0.015);
	});
});

describe("a new version with contacts in flight", () => {
	const V1 = journey({
		hello: { type: "send_email", template_id: "tpl", next: "wait" },
		wait: { type: "delay", duration: "P1D", next: "old_end" },
		old_end: { type: "exit" },
	});
	const V2 = journey({
		hello: { type: "send_email", template_id: "tpl", next: "wait" },
		wait: { type: "delay", duration: "P1D", next: "extra" },
		extra: { type: "send_email", template_id: "tpl_new", next: "new_end" },
		new_end: { type: "exit" },
	});

	it("moves an enrollment whose node still exists to the new version; its next steps follow the new graph", () => {
		const delayed = advance(V1, start(V1), context()).enrollment;
		const moved = migrate(delayed, V1, { definition: V2, version: 2 });
		expect(moved).toMatchObject({ version: 2, nodeId: "wait", dueAt: T0 + DAY });
		const next = advance(V2, moved, context({ now: T0 + DAY }));
		expect(next.effects.map((e) => e.idempotencyKey)).toEqual(["enr_1:extra:1"]);
		expect(next.enrollment.nodeId).toBe("new_end");
	});

	it("leaves an enrollment on its version when its node is gone or changed type, or it has ended", () => {
		const V3 = journey({ hello: { type: "send_email", template_id: "tpl", next: "bye" }, bye: { type: "exit" } });
		const delayed = advance(V1, start(V1), context()).enrollment;
		expect(migrate(delayed, V1, { definition: V3, version: 3 })).toBe(delayed);
		const V4 = journey({
			hello: { type: "send_email", template_id: "tpl", next: "wait" },
			wait: { type: "send_email", template_id: "tpl", next: "bye" },
			bye: { type: "exit" },
		});
		expect(migrate(delayed, V1, { definition: V4, version: 4 })).toBe(delayed);
		const done = advance(V1, delayed, context({ now: T0 + DAY })).enrollment;
		expect(migrate(done, V1, { definition: V2, version: 2 })).toBe(done);
	});

	it("a wait in progress keeps its event and timeout but takes the new version's exits", () => {
		const W1 = journey({
			wait: { type: "wait_event", event: "purchase", timeout: "PT4H", on_event: "a", on_timeout: "a" },
			a: { type: "exit" },
		});
		const W2 = journey({
			wait: { type: "wait_event", event: "purchase", timeout: "PT8H", on_event: "b", on_timeout: "a" },
			a: { type: "exit" },
			b: { type: "exit" },
		});
		const waiting = advance(W1, start(W1), context()).enrollment;
		const moved = migrate(waiting, W1, { definition: W2, version: 2 });
		expect(moved.waiting).toMatchObject({ timeoutAt: T0 + 4 * HOUR, onEvent: "b" });
		const event = { name: "purchase", properties: {}, occurredAt: T0 + HOUR };
		expect(onEvent(W2, moved, event, context({ now: T0 + HOUR })).enrollment.nodeId).toBe("b");
	});
});
