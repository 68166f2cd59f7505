import type { EngineJourney } from "../worker/db/journey-engine";
import { type Flush, flushEffects } from "./journey-flush";
import type { JourneyLoader } from "./journey-loader";
import { exitPage, stepDue } from "./journey-steps";

/** Enrollments stepped per alarm round; rounds per alarm (then it re-arms at once). */
export const ALARM_BATCH = 500;
const MAX_ROUNDS = 20;
export const ROUND_BUDGET_MS = 20_000;

/**
 * The alarm's work: rounds of due enrollments (each round read from D1 first, then stepped in one transaction, then
 * its effects run, then `afterRound`: the live numbers), until none is due, MAX_ROUNDS, or the time budget.
 */
export async function stepDueRounds(
	f: Flush & { loader: JourneyLoader },
	journey: EngineJourney,
	afterRound: () => Promise<void>,
) {
	const started = Date.now();
	for (let round = 0; round < MAX_ROUNDS && Date.now() - started < ROUND_BUDGET_MS; round++) {
		const now = f.now();
		const due = f.store.due(now, ALARM_BATCH);
		if (due.length === 0) break;
		const contactIds = due.map((e) => e.contactId);
		const step = await f.loader.prepare(journey, contactIds, due, now);
		f.store.transaction(() => {
			for (const e of due) stepDue(step, e);
		});
		await flushEffects(f, journey);
		await afterRound();
	}
}

/** Ends every enrollment still in flight with `reason`, a page per transaction; answers how many. */
export function exitAll(f: Flush, reason: string): number {
	let exited = 0;
	for (;;) {
		const n = f.store.transaction(() => exitPage(f.store, reason, f.now(), ALARM_BATCH));
		exited += n;
		if (n < ALARM_BATCH) return exited;
	}
}
