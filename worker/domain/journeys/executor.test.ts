import { describe, expect, it } from "vitest";
import { isDue } from "./enrollment";
import { advance, MAX_STEPS } from "./executor";
import { context, DAY, HOUR, journey, outcomes, start, T0 } from "./test-support";

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

const DRIP = journey({
	day1: { type: "send_email", template_id: "tpl_1", from_name: "Ada", next: "wait" },
	wait: { type: "delay", duration: "P2D", next: "day3" },
	day3: { type: "send_email", template_id: "tpl_3", next: "done" },
	done: { type: "exit" },
});

describe("journey step executor", () => {
	it("sends, then holds at a delay until its end, then sends again and completes (controllable clock)", () => {
		const first = advance(DRIP, start(DRIP), context());
		expect(first.effects).toEqual([
			{
				type: "send_email",
				idempotencyKey: "enr_1:day1:1",
				nodeId: "day1",
				templateId: "tpl_1",
				fromName: "Ada",
				transactional: false,
			},
		]);
		expect(first.enrollment).toMatchObject({ nodeId: "wait", status: "active", dueAt: T0 + 2 * DAY });
		// Not yet due: nothing happens, even when called.
		const early = advance(DRIP, first.enrollment, context({ now: T0 + DAY }));
		expect(early).toEqual({ enrollment: first.enrollment, effects: [] });
		expect(isDue(first.enrollment, T0 + DAY)).toBe(false);
		const later = advance(DRIP, first.enrollment, context({ now: T0 + 2 * DAY }));
		expect(later.effects.map((e) => e.idempotencyKey)).toEqual(["enr_1:day3:1"]);
		expect(later.enrollment).toMatchObject({ status: "completed", endedAt: T0 + 2 * DAY });
		expect(outcomes(later.enrollment)).toEqual(["day1:sent", "wait:delayed", "day3:sent", "done:completed"]);
	});

	it("replays the same step with the same effects and keys (a redelivery never sends twice)", () => {
		const enrollment = start(DRIP);
		const once = advance(DRIP, enrollment, context());
		const again = advance(DRIP, enrollment, context());
		expect(again).toEqual(once);
		const released = advance(DRIP, once.enrollment, context({ now: T0 + 3 * DAY }));
		expect(advance(DRIP, once.enrollment, context({ now: T0 + 3 * DAY }))).toEqual(released);
	});

	it("waits until 09:00 local on allowed weekdays, across the DST change", () => {
		const def = journey({
			morning: { type: "delay", until_local: "09:00", weekdays: ["sun"], next: "send" },
			send: { type: "send_email", template_id: "tpl", next: "done" },
			done: { type: "exit" },
		});
		const saturday = Date.parse("2026-03-28T12:00:00Z"); // CET; Sunday 29 March is CEST
		const held = advance(def, start(def), context({ now: saturday }));
		expect(iso(held.enrollment.dueAt)).toBe("2026-03-29T07:00:00.000Z");
		const ny = advance(def, start(def), context({ now: saturday }, { timezone: "America/New_York" }));
		expect(iso(ny.enrollment.dueAt)).toBe("2026-03-29T13:00:00.000Z");
		const unknownZone = advance(def, start(def), context({ now: saturday }, { timezone: "Mars/Base" }));
		expect(iso(unknownZone.enrollment.dueAt)).toBe("2026-03-29T09:00:00.000Z"); // the workspace's UTC
	});

	it("waits until a date attribute plus offset, and goes on at once (recorded) when it is missing or invalid", () => {
		const def = journey({
			renewal: { type: "delay", until_attribute: "renews_on", offset_days: -3, next: "send" },
			send: { type: "send_email", template_id: "tpl", next: "done" },
			done: { type: "exit" },
		});
		const held = advance(def, start(def), context({}, { attributes: { renews_on: "2026-07-01" } }));
		expect(iso(held.enrollment.dueAt)).toBe("2026-06-27T22:00:00.000Z"); // 28 June, midnight in Berlin
		expect(held.effects).toEqual([]);
		for (const renews_on of [undefined, "not a date", "2026-02-30", 42]) {
			const now = advance(def, start(def), context({}, { attributes: { renews_on } }));
			expect(now.effects).toHaveLength(1);
			expect(outcomes(now.enrollment)[0]).toBe("renewal:attribute_missing");
		}
		const past = advance(def, start(def), context({}, { attributes: { renews_on: "2026-06-01T08:00:00Z" } }));
		expect(outcomes(past.enrollment)[0]).toBe("renewal:attribute_passed");
	});

	it("holds a send in quiet hours and releases it when they end", () => {
		const def = journey({ send: { type: "send_email", template_id: "tpl", next: "done" }, done: { type: "exit" } });
		const night = Date.parse("2026-06-10T21:30:00Z"); // 23:30 in Berlin
		const quietHours = { start: "21:00", end: "08:00" };
		const held = advance(def, start(def), context({ now: night, quietHours }));
		expect(held.effects).toEqual([]);
		expect(held.enrollment).toMatchObject({ nodeId: "send", status: "active" });
		expect(iso(held.enrollment.dueAt)).toBe("2026-06-11T06:00:00.000Z");
		expect(outcomes(held.enrollment)).toEqual(["send:held_quiet_hours"]);
		const morning = advance(def, held.enrollment, context({ now: held.enrollment.dueAt, quietHours }));
		expect(morning.effects.map((e) => e.idempotencyKey)).toEqual(["enr_1:send:1"]);
		// A transactional journey is never held.
		const tx = advance(def, start(def), context({ now: night, quietHours, transactional: true }));
		expect(tx.effects).toHaveLength(1);
	});

	it("holds a send over the frequency cap until the next allowed moment, outside quiet hours too", () => {
		const def = journey({ send: { type: "send_email", template_id: "tpl", next: "done" }, done: { type: "exit" } });
		const freeAt = Date.parse("2026-06-10T20:00:00Z"); // 22:00 in Berlin: inside quiet hours
		const capAllows = (at: number) => (at >= freeAt ? true : freeAt);
		const quietHours = { start: "21:00", end: "08:00" };
		const held = advance(def, start(def), context({ capAllows, quietHours }));
		expect(outcomes(held.enrollment)).toEqual(["send:held_cap"]);
		expect(iso(held.enrollment.dueAt)).toBe("2026-06-11T06:00:00.000Z");
		const sent = advance(def, held.enrollment, context({ now: held.enrollment.dueAt, capAllows, quietHours }));
		expect(sent.effects).toHaveLength(1);
		expect(sent.enrollment.status).toBe("completed");
		expect(advance(def, start(def), context({ capAllows, transactional: true })).effects).toHaveLength(1);
	});

	it("branches on human engagement with an earlier email of this enrollment, and on a rule tree", () => {
		const def = journey({
			hello: { type: "send_email", template_id: "tpl", next: "check" },
			check: {
				type: "branch",
				paths: [
					{ if: { engagement: "clicked", node: "hello" }, next: "clicker" },
					{ if: { tag: "vip" }, next: "vip" },
				],
				else: "done",
			},
			clicker: { type: "exit" },
			vip: { type: "exit" },
			done: { type: "exit" },
		});
		const asked: string[] = [];
		const engaged = (node: string, kind: string) => {
			asked.push(`${node}:${kind}`);
			return true;
		};
		expect(advance(def, start(def), context({ engaged })).enrollment.nodeId).toBe("clicker");
		expect(asked).toEqual(["hello:clicked"]);
		const vip = context({ evaluateRule: (rule) => "tag" in rule && rule.tag === "vip" });
		expect(outcomes(advance(def, start(def), vip).enrollment)).toContain("check:path:1");
		expect(advance(def, start(def), context()).enrollment.nodeId).toBe("done");
	});

	it("emits a webhook and a contact update, stopping after the update so later steps see the change", () => {
		const def = journey({
			hook: { type: "webhook", url: "https://hooks.example.com/x", next: "tag" },
			tag: { type: "update_contact", add_tags: ["onboarded"], set_attributes: { plan: "pro" }, next: "check" },
			check: { type: "branch", paths: [{ if: { tag: "onboarded" }, next: "yes" }], else: "no" },
			yes: { type: "exit" },
			no: { type: "exit" },
		});
		const first = advance(def, start(def, "enr_1", { order: 7 }), context());
		expect(first.effects).toEqual([
			expect.objectContaining({
				type: "webhook",
				idempotencyKey: "enr_1:hook:1",
				url: "https://hooks.example.com/x",
				body: expect.objectContaining({ enrollment_id: "enr_1", entry_properties: { order: 7 } }),
			}),
			{
				type: "update_contact",
				idempotencyKey: "enr_1:tag:1",
				nodeId: "tag",
				setAttributes: { plan: "pro" },
				addTags: ["onboarded"],
				removeTags: [],
			},
		]);
		expect(first.enrollment).toMatchObject({ nodeId: "check", status: "active", dueAt: undefined });
		expect(isDue(first.enrollment, T0)).toBe(true);
		const applied = context({ evaluateRule: () => true }, { tags: ["onboarded"] });
		expect(advance(def, first.enrollment, applied).enrollment).toMatchObject({ nodeId: "yes", status: "completed" });
	});

	it("exits with max_iterations when a loop passes its bound, with a new key per iteration", () => {
		const def = journey({
			nudge: { type: "send_email", template_id: "tpl", next: "pause", max_iterations: 3 },
			pause: { type: "delay", duration: "PT1H", next: "nudge" },
		});
		let enrollment = start(def);
		const keys: string[] = [];
		for (let hour = 0; enrollment.status === "active" && hour < 10; hour++) {
			const result = advance(def, enrollment, context({ now: T0 + hour * HOUR }));
			keys.push(...result.effects.map((e) => e.idempotencyKey));
			enrollment = result.enrollment;
		}
		expect(keys).toEqual(["enr_1:nudge:1", "enr_1:nudge:2", "enr_1:nudge:3"]);
		expect(enrollment).toMatchObject({ status: "exited", exitReason: "max_iterations", nodeId: "nudge" });
	});

	it("exits an unsubscribed contact before any send", () => {
		const gone = advance(DRIP, start(DRIP), context({}, { status: "unsubscribed" }));
		expect(gone.effects).toEqual([]);
		expect(gone.enrollment).toMatchObject({ status: "exited", exitReason: "unsubscribed", endedAt: T0 });
		const mid = advance(DRIP, start(DRIP), context()).enrollment;
		const later = advance(DRIP, mid, context({ now: T0 + 2 * DAY }, { status: "unsubscribed" }));
		expect(later.effects).toEqual([]);
		expect(later.enrollment.exitReason).toBe("unsubscribed");
	});

	it("runs at most MAX_STEPS steps per call and resumes on the next", () => {
		const nodes: Record<string, unknown> = {};
		for (let i = 0; i < 60; i++) nodes[`s${i}`] = { type: "webhook", url: "https://x.example.com", next: `s${i + 1}` };
		nodes.s60 = { type: "exit" };
		const def = journey(nodes);
		const first = advance(def, start(def), context());
		expect(first.effects).toHaveLength(MAX_STEPS);
		expect(first.enrollment).toMatchObject({ status: "active", nodeId: `s${MAX_STEPS}` });
		const second = advance(def, first.enrollment, context());
		expect(second.effects).toHaveLength(60 - MAX_STEPS);
		expect(second.enrollment.status).toBe("completed");
	});
});
