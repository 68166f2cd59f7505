import { describe, expect, it } from "vitest";
import { enqueueContactChanges } from "../worker/services/journey-events";
import { call, env } from "./client";
import {
	activeJourney,
	alarmAt,
	clockAll,
	contact,
	DAY,
	deliverEvents,
	enrollmentOf,
	HOUR,
	journeyEvent,
	shardFor,
	workspaceWithContacts,
} from "./journey-helpers";

const set = (stage: string, next: string) => ({ type: "update_contact", set_attributes: { stage }, next });

describe("journeys fed by events: entries, waits matched by entry property, timeouts, goals, unsubscribes", () => {
	it("an abandoned cart waits for the purchase of the same cart; another cart times out after 4 hours", async () => {
		const { cookie, workspace, contactIds } = await workspaceWithContacts(2);
		const [ada, bob] = contactIds as [string, string];
		const journeyId = await activeJourney(cookie, {
			entry: { type: "event", event: "cart_abandoned" },
			reentry: { mode: "always" },
			start: "wait",
			nodes: {
				wait: {
					type: "wait_event",
					event: "purchase",
					match_entry_property: "cart_id",
					timeout: "PT4H",
					on_event: "bought",
					on_timeout: "remind",
				},
				bought: set("bought", "done"),
				remind: set("reminded", "done"),
				done: { type: "exit" },
			},
		});
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		const entries = [
			journeyEvent(workspace.id, ada, "cart_abandoned", { cart_id: "c1" }, t0),
			journeyEvent(workspace.id, bob, "cart_abandoned", { cart_id: "c2" }, t0),
		];
		await deliverEvents(entries);
		await deliverEvents(entries, 2); // the queue redelivers the batch: nobody enters twice
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "active", node_id: "wait" });
		expect((await shardFor(journeyId, ada).counters()).entered).toBe(1);

		await deliverEvents([
			journeyEvent(workspace.id, ada, "purchase", { cart_id: "c9" }, t0 + HOUR), // another cart: still waiting
			journeyEvent(workspace.id, bob, "purchase", { cart_id: "c1" }, t0 + HOUR),
		]);
		expect((await enrollmentOf(journeyId, ada))?.node_id).toBe("wait");
		await deliverEvents([journeyEvent(workspace.id, ada, "purchase", { cart_id: "c1" }, t0 + 2 * HOUR)]);
		expect((await contact(cookie, ada)).attributes).toEqual({ stage: "bought" });

		expect(await alarmAt(journeyId, bob, t0 + 4 * HOUR)).toBe(true);
		const timedOut = await enrollmentOf(journeyId, bob);
		expect(timedOut?.history.map((h) => h.outcome)).toEqual(["timeout", "updated", "completed"]);
		expect((await contact(cookie, bob)).attributes).toEqual({ stage: "reminded" });
	});

	it("a goal reached in the middle of a delay ends the journey there; an unsubscribed contact leaves before the next step", async () => {
		const { cookie, workspace, contactIds } = await workspaceWithContacts(2);
		const [ada, bob] = contactIds as [string, string];
		const journeyId = await activeJourney(cookie, {
			entry: { type: "event", event: "signed_up" },
			exit: [{ type: "event", event: "purchase" }],
			start: "wait",
			nodes: {
				wait: { type: "delay", duration: "P1D", next: "nudge" },
				nudge: set("nudged", "done"),
				done: { type: "exit" },
			},
		});
		const t0 = Date.now();
		await clockAll(journeyId, t0);
		await deliverEvents([
			journeyEvent(workspace.id, ada, "signed_up", {}, t0),
			journeyEvent(workspace.id, bob, "signed_up", {}, t0),
		]);
		await deliverEvents([journeyEvent(workspace.id, ada, "purchase", {}, t0 + HOUR)]);
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({
			status: "exited",
			exit_reason: "goal",
			node_id: "wait",
		});
		await call("PATCH", `/api/v1/contacts/${bob}`, { status: "unsubscribed" }, { cookie });

		await alarmAt(journeyId, bob, t0 + DAY);
		expect(await enrollmentOf(journeyId, bob)).toMatchObject({ status: "exited", exit_reason: "unsubscribed" });
		expect((await contact(cookie, ada)).attributes).toEqual({});
		expect((await contact(cookie, bob)).attributes).toEqual({});
		const stats = await shardFor(journeyId, ada).counters();
		expect(stats["exited:goal"]).toBe(1);
	});

	it("queues contact changes for the journeys only once the workspace runs one", async () => {
		const { cookie, workspace, contactIds } = await workspaceWithContacts(1);
		const sent: unknown[] = [];
		const events = { send: async (body: unknown) => void sent.push(body) } as unknown as Queue;
		await enqueueContactChanges({ DB: env.DB, EVENTS: events }, workspace.id, contactIds);
		expect(sent).toHaveLength(0); // no journey: nothing to look at
		await activeJourney(cookie, {
			entry: { type: "api" },
			start: "done",
			nodes: { done: { type: "exit" } },
		});
		await enqueueContactChanges({ DB: env.DB, EVENTS: events }, workspace.id, contactIds);
		expect(sent).toEqual([{ type: "journey_contacts", workspace_id: workspace.id, contact_ids: contactIds }]);
	});
});
