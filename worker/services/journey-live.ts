import type { Db } from "../db/client";
import { findJourney } from "../db/journeys";
import { liveHubName } from "../domain/journeys/shards";
import { notFound } from "../errors";

/** Opens a journey's live socket on its hub object (the caller checked the role; the journey must be the workspace's). */
export async function journeyLive(env: Env, db: Db, workspaceId: string, journeyId: string) {
	const row = await findJourney(db, workspaceId, journeyId);
	if (!row) throw notFound("Journey");
	const params = new URLSearchParams({ journey: row.id, workspace: workspaceId });
	const request = new Request(`https://journey.internal/live?${params}`, { headers: { upgrade: "websocket" } });
	return env.JOURNEY.getByName(liveHubName(row.id)).fetch(request);
}
