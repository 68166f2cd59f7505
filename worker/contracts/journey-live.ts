import type { JourneyStats } from "./journey-engine";

/**
 * What a journey's live socket (`GET /api/v1/journeys/:id/live`) sends: a `snapshot` on every (re)connect, then
 * coalesced `stats` updates as the shards' counters move. The same numbers as `GET /journeys/:id/stats`.
 */
export type JourneyLiveMessage = { type: "snapshot"; stats: JourneyStats } | { type: "stats"; stats: JourneyStats };
