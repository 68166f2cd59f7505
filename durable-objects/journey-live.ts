import type { JourneyLiveMessage } from "../worker/contracts/journey-live";
import { createDb } from "../worker/db/client";
import { engineJourney } from "../worker/db/journey-engine";
import { JOURNEY_SHARDS, shardName } from "../worker/domain/journeys/shards";
import { journeyEmailStats, type NodeEmailStats } from "../worker/services/journey-sends";
import { composeStats, type ShardCounters } from "../worker/services/journey-stats";
import { closeCodeToEcho } from "./close-code";

/** Updates are coalesced: an alarm round moving thousands of contacts becomes a few messages a second. */
const PUSH_INTERVAL_MS = 250;
/** Each send node's email numbers (D1) are read again at most this often, on the next push. */
const EMAILS_FRESH_MS = 5_000;

type Hub = {
	journeyId: string;
	workspaceId: string;
	/** Each shard's counters as it last pushed them, by the shard object's id. */
	shards: Record<string, ShardCounters>;
	emails: Record<string, NodeEmailStats>;
	emailsAt: number;
};

/**
 * A journey's live sockets, held by its hub object (`journey:{id}:live`, see shards.ts). A new socket's snapshot
 * reads every shard's counters, which also tells each shard it is watched; from then on each shard pushes its
 * counters after a change (at most a few times a second, see journey-live-push.ts) and the hub sums them with the
 * email numbers into the same answer as `/stats`, pushed coalesced to every socket (a journey email's tracking event
 * makes the next push re-read the email numbers). The sums are stored, so they
 * survive hibernation; when no socket is left the hub answers "nobody watches" and the shards stop pushing.
 */
export class JourneyLiveHub {
	private hub: Hub | null | undefined;
	private lastPush = 0;
	private timer: ReturnType<typeof setTimeout> | null = null;
	/** A journey email had an open, click or provider event since the email numbers were read: the next push re-reads. */
	private emailsStale = false;

	constructor(
		private readonly ctx: DurableObjectState,
		private readonly env: Env,
	) {}

	private async load(): Promise<Hub | null> {
		if (this.hub === undefined) this.hub = (await this.ctx.storage.get<Hub>("live_hub")) ?? null;
		return this.hub;
	}

	private async save(hub: Hub) {
		this.hub = hub;
		await this.ctx.storage.put("live_hub", hub);
	}

	/** The upgrade (already authorized): the socket is accepted, hibernates, and gets a fresh snapshot first. */
	async open(journeyId: string, workspaceId: string): Promise<Response> {
		const pair = new WebSocketPair();
		this.ctx.acceptWebSocket(pair[1]);
		const message: JourneyLiveMessage = { type: "snapshot", stats: await this.snapshot(journeyId, workspaceId) };
		pair[1].send(JSON.stringify(message));
		return new Response(null, { status: 101, webSocket: pair[0] });
	}

	private async snapshot(journeyId: string, workspaceId: string) {
		const db = createDb(this.env.DB);
		const [journey, emails, shards] = await Promise.all([
			engineJourney(db, journeyId),
			journeyEmailStats(this.env, workspaceId, journeyId),
			Promise.all(
				Array.from({ length: JOURNEY_SHARDS }, async (_, n) => {
					const name = shardName(journeyId, n);
					const counters = await this.env.JOURNEY.getByName(name).watch();
					return [this.env.JOURNEY.idFromName(name).toString(), counters] as const;
				}),
			),
		]);
		const hub: Hub = { journeyId, workspaceId, shards: Object.fromEntries(shards), emails, emailsAt: Date.now() };
		await this.save(hub);
		if (!journey) throw new Error(`journey ${journeyId} not found`);
		return composeStats(journey.definition, Object.values(hub.shards), emails);
	}

	/** A shard's counters after a change; answers whether anyone still watches. */
	async shardCounters(shardId: string, counters: ShardCounters): Promise<boolean> {
		if (this.ctx.getWebSockets().length === 0) return false;
		const hub = await this.load();
		if (!hub) return false;
		await this.save({ ...hub, shards: { ...hub.shards, [shardId]: counters } });
		this.schedulePush();
		return true;
	}

	/** From the EVENTS consumer: a journey email's tracking event; nothing is read unless someone watches. */
	emailsChanged(): boolean {
		if (this.ctx.getWebSockets().length === 0) return false;
		this.emailsStale = true;
		this.schedulePush();
		return true;
	}

	private schedulePush() {
		if (this.timer) return;
		const wait = Math.max(0, this.lastPush + PUSH_INTERVAL_MS - Date.now());
		this.timer = setTimeout(() => {
			this.timer = null;
			this.lastPush = Date.now();
			void this.push().catch((error) =>
				console.error(JSON.stringify({ journey_live: "push failed", error: String(error) })),
			);
		}, wait);
	}

	private async push() {
		let hub = await this.load();
		if (!hub) return;
		const db = createDb(this.env.DB);
		if (this.emailsStale || Date.now() - hub.emailsAt > EMAILS_FRESH_MS) {
			this.emailsStale = false;
			const emails = await journeyEmailStats(this.env, hub.workspaceId, hub.journeyId);
			hub = { ...(this.hub ?? hub), emails, emailsAt: Date.now() };
			await this.save(hub);
		}
		const journey = await engineJourney(db, hub.journeyId);
		if (!journey) return;
		const message: JourneyLiveMessage = {
			type: "stats",
			stats: composeStats(journey.definition, Object.values(hub.shards), hub.emails),
		};
		const text = JSON.stringify(message);
		for (const ws of this.ctx.getWebSockets()) {
			try {
				ws.send(text);
			} catch {
				// a closing socket; the runtime removes it
			}
		}
	}
}

/** Answers a client's close; an abrupt drop (1006) or a socket already closed never throws. */
export function answerClose(ws: WebSocket, code: number) {
	if (ws.readyState === WebSocket.CLOSED) return;
	try {
		ws.close(closeCodeToEcho(code), "closing");
	} catch {
		// already closed by the runtime: nothing left to answer
	}
}
