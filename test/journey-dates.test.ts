import { describe, expect, it } from "vitest";
import { utcDay } from "../worker/domain/journeys/date-entry";
import { runJourneyDatePasses } from "../worker/services/journey-dates";
import { call, env } from "./client";
import { activeJourney, alarmAt, clockAll, enrollmentOf, shardFor, workspaceWithContacts } from "./journey-helpers";

describe("date-entry journeys", () => {
	it("enters the contacts whose birthday is a week away, once a day however often the cron runs", async () => {
		const now = Date.now();
		const inAWeek = utcDay(now + 7 * 86_400_000);
		const { cookie, contactIds } = await workspaceWithContacts(2);
		const [ada, bob] = contactIds as [string, string];
		await call(
			"PATCH",
			`/api/v1/contacts/${ada}`,
			{ attributes: { birthday: `1990-${inAWeek.slice(5)}` } },
			{ cookie },
		);
		await call("PATCH", `/api/v1/contacts/${bob}`, { attributes: { birthday: "1990-01-01" } }, { cookie });
		const journeyId = await activeJourney(cookie, {
			entry: { type: "date", attribute: "birthday", offset_days: -7 },
			start: "wish",
			nodes: { wish: { type: "update_contact", add_tags: ["birthday_week"], next: "done" }, done: { type: "exit" } },
		});
		await clockAll(journeyId, now);
		await runJourneyDatePasses(env, now);
		await runJourneyDatePasses(env, now);
		await alarmAt(journeyId, ada, now);
		expect(await enrollmentOf(journeyId, ada)).toMatchObject({ status: "completed" });
		expect((await call("GET", `/api/v1/contacts/${ada}`, undefined, { cookie })).json.tags).toEqual(["birthday_week"]);
		expect((await shardFor(journeyId, ada).counters()).entered).toBe(1);
		expect(await enrollmentOf(journeyId, bob)).toBeUndefined();
	});
});
