import { createResource } from "solid-js";
import { getJourneyStats } from "../../../lib/api";
import { createLiveJourney } from "../../../lib/live-journey";
import { createPolling } from "../../../lib/poll";
import type { LiveState } from "../../campaigns/view/numbers";

/**
 * A journey's numbers: one GET for the first paint, then the live socket; while the socket is not delivering
 * (dropped, or the route missing), `/stats` is polled every 2 s instead.
 */
export function createJourneyNumbers(id: () => string) {
	const live = createLiveJourney(id);
	const [first, { refetch }] = createResource(id, (journeyId) => getJourneyStats(journeyId));
	const polling = () => !live.connected() && live.failures() > 0;
	createPolling(polling, async () => live.setStats(await getJourneyStats(id())), 2000);
	const stats = () => live.stats() ?? first.latest;
	const state = (): LiveState => (live.connected() ? "live" : polling() ? "polling" : "connecting");
	return { stats, state, error: () => (stats() ? undefined : first.error), refetch };
}
