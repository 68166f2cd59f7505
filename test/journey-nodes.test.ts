import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { journeyWebhookSecret, signedJourneyHeaders } from "../durable-objects/journey-effects";
import { call, env } from "./client";
import {
	activeJourney,
	alarmAt,
	contact,
	enrollmentOf,
	MINUTE,
	shardFor,
	workspaceWithContacts,
} from "./journey-helpers";

const RECEIVER = "https://crm.acme.test/pulse-hook";

/** The receiving server at the network boundary: answers each POST with the next status (200 once they run out). */
function fakeReceiver(statuses: number[]) {
	const seen: { headers: Record<string, string>; body: string }[] = [];
	const original = globalThis.fetch;
	vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
		const request = new Request(input, init);
		if (!request.url.startsWith(RECEIVER)) return original(input, init);
		seen.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
		return new Response("ok", { status: statuses.shift() ?? 200 });
	});
	return seen;
}

describe("journey steps through a shard: split arms, branches on the contact, signed webhooks", () => {
	afterEach(() => {
		vi.restoreAllMocks();
	});

	it("splits by weight, then branches on a tag the contact has now", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(2);
		const [vip, plain] = contactIds as [string, string];
		await call("PATCH", `/api/v1/contacts/${vip}`, { tags: ["vip"] }, { cookie });
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "split",
			nodes: {
				split: {
					type: "split",
					arms: [
						{ id: "a", weight: 50, next: "check" },
						{ id: "b", weight: 50, next: "check" },
					],
				},
				check: { type: "branch", paths: [{ if: { tag: "vip" }, next: "vipMark" }], else: "plainMark" },
				vipMark: { type: "update_contact", set_attributes: { path: "vip" }, next: "done" },
				plainMark: { type: "update_contact", set_attributes: { path: "plain" }, next: "done" },
				done: { type: "exit" },
			},
		});
		for (const id of [vip, plain]) await shardFor(journeyId, id).enroll(journeyId, [{ contactId: id }]);
		expect((await contact(cookie, vip)).attributes).toEqual({ path: "vip" });
		expect((await contact(cookie, plain)).attributes).toEqual({ path: "plain" });
		const taken = await enrollmentOf(journeyId, vip);
		expect(taken?.history.map((h) => h.outcome).slice(1, 3)).toEqual(["path:0", "updated"]);
		const stats = await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie });
		const arms = stats.json.arms.split as Record<string, number>;
		expect(Object.values(arms).reduce((a, b) => a + b, 0)).toBe(2);
		// Both contacts completed: with no goal event, each arm is judged on completing the journey.
		const results = stats.json.arm_results.split;
		expect(results.metric).toBe("completed");
		expect(results.arms.map((a: { entered: number; conversions: number }) => a.entered - a.conversions)).toEqual([
			0, 0,
		]);
		expect(results.winner.significant).toBe(false);
	});

	it("signs webhook calls per Standard Webhooks with the workspace's journey secret", async () => {
		const body = JSON.stringify({ journey_id: "jny_1", contact: { id: "ctc_1" } });
		const headers = await signedJourneyHeaders(env, "ws_1", "enr_1:hook:1", Math.floor(Date.now() / 1000), body);
		const secret = await journeyWebhookSecret(env, "ws_1");
		expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
		const other = await journeyWebhookSecret(env, "ws_2");
		expect(() => new Webhook(other).verify(body, headers)).toThrow();
	});

	it("posts a webhook step signed with the contact and the entry event, and retries it after a failure with the same id", async () => {
		const { cookie, workspace, contactIds } = await workspaceWithContacts(1);
		const contactId = contactIds[0] as string;
		const seen = fakeReceiver([503]);
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "hook",
			nodes: { hook: { type: "webhook", url: RECEIVER, next: "done" }, done: { type: "exit" } },
		});
		const t0 = Date.now();
		const shard = shardFor(journeyId, contactId);
		await shard.setClockForTest(t0);
		await shard.enroll(journeyId, [{ contactId, properties: { plan: "pro" } }]);
		expect(seen).toHaveLength(1); // answered 503: the contact goes on, the call is owed
		expect(await enrollmentOf(journeyId, contactId)).toMatchObject({ status: "completed" });

		await alarmAt(journeyId, contactId, t0 + 10_000); // before the first retry is due
		expect(seen).toHaveLength(1);
		await alarmAt(journeyId, contactId, t0 + MINUTE);
		expect(seen).toHaveLength(2);
		const [first, retry] = seen;
		expect(retry?.headers["webhook-id"]).toBe(first?.headers["webhook-id"]);
		const secret = await journeyWebhookSecret(env, workspace.id);
		const body = new Webhook(secret).verify(retry?.body ?? "", retry?.headers ?? {}) as Record<string, unknown>;
		expect(body).toMatchObject({
			journey_id: journeyId,
			node_id: "hook",
			contact: { id: contactId },
			entry_properties: { plan: "pro" },
		});
		await alarmAt(journeyId, contactId, t0 + 10 * MINUTE); // delivered: never posted again
		expect(seen).toHaveLength(2);
	});
});
