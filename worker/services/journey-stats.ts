import type { JourneyStats } from "../contracts/journey-engine";
import type { JourneyDefinition } from "../contracts/journeys";
import type { Db } from "../db/client";
import { findJourney } from "../db/journeys";
import { countsOf } from "../domain/journeys/counters";
import { JOURNEY_SHARDS, shardName } from "../domain/journeys/shards";
import { hasGoal, splitArmIds, splitResults } from "../domain/journeys/split-results";
import { notFound } from "../errors";
import { journeyEmailStats, type NodeEmailStats } from "./journey-sends";

/*
 * A journey's numbers: its shards' counters summed, each send node's email numbers (from D1), conversion and the
 * split arms' results. `/stats` reads them all at once; the live socket (durable-objects/journey-live.ts) keeps the
 * shards' counters as they push them and composes the same answer.
 */

export type ShardCounters = Record<string, number>;

const NO_EMAILS: NodeEmailStats = { sent: 0, delivered: 0, opens: 0, clicks: 0 };

export function composeStats(
	definition: JourneyDefinition,
	perShard: Iterable<ShardCounters>,
	emails: Record<string, NodeEmailStats>,
): JourneyStats {
	const counts = countsOf([...perShard].flatMap((c) => Object.entries(c)));
	// Every step of the definition is listed (zeros until a contact reaches it); send steps always carry their email numbers.
	const mails = { ...emails };
	for (const [nodeId, node] of Object.entries(definition.nodes)) {
		counts.nodes[nodeId] ??= { waiting: 0, passed: 0 };
		if (node.type === "send_email") mails[nodeId] ??= NO_EMAILS;
	}
	for (const [nodeId, e] of Object.entries(mails)) {
		const node = counts.nodes[nodeId] ?? { waiting: 0, passed: 0 };
		counts.nodes[nodeId] = { ...node, sent: e.sent, delivered: e.delivered, opens: e.opens, clicks: e.clicks };
	}
	counts.exited = { goal: 0, unsubscribed: 0, segment_leave: 0, ...counts.exited };
	const { arms, armEndings, ...rest } = counts;
	const goal = counts.exited.goal ?? 0;
	const armResults = splitResults(counts, splitArmIds(definition), hasGoal(definition) ? "goal" : "completed");
	return {
		...rest,
		conversion_rate: counts.entered > 0 ? goal / counts.entered : 0,
		...(Object.keys(arms).length > 0 && { arms }),
		...(Object.keys(armResults).length > 0 && { arm_results: armResults }),
	};
}

const allShards = (env: Env, journeyId: string) =>
	Array.from({ length: JOURNEY_SHARDS }, (_, n) => env.JOURNEY.getByName(shardName(journeyId, n)));

/** Counters summed over every shard, with each send node's email numbers. */
export async function journeyStats(env: Env, db: Db, workspaceId: string, journeyId: string): Promise<JourneyStats> {
	const row = await findJourney(db, workspaceId, journeyId);
	if (!row) throw notFound("Journey");
	const [perShard, emails] = await Promise.all([
		Promise.all(allShards(env, journeyId).map((s) => s.counters())),
		journeyEmailStats(env, workspaceId, journeyId),
	]);
	return composeStats(row.definition, perShard, emails);
}
