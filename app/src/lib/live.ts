import ReconnectingWebSocket from "partysocket/ws";
import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";
// Types only: the zod schema stays on the server, so zod never ships to the browser.
import type { LiveMessage } from "../../../worker/contracts/live";
import type { CampaignStats, CampaignStatus } from "./types";

/** A ping keeps idle proxies from dropping the socket (the server answers "pong" without waking the object). */
export const PING_MS = 25_000;

/** Reconnection: the first retry waits ~0.5 s, each failure doubles it, up to 5 s. */
export const SOCKET_OPTIONS = {
	minReconnectionDelay: 500,
	maxReconnectionDelay: 5_000,
	reconnectionDelayGrowFactor: 2,
	connectionTimeout: 4_000,
	// Only pings are ever sent, and only while open: nothing worth keeping is queued while offline.
	maxEnqueuedMessages: 1,
};

export type LiveEvent = Extract<LiveMessage, { type: "event" }>;
export type LiveAb = Extract<LiveMessage, { type: "ab" }>;

export type LiveCampaign = {
	/** The latest numbers: a snapshot on every (re)connect, then coalesced updates. */
	stats: Accessor<CampaignStats | undefined>;
	/** The lifecycle state, from `status` messages and every `stats` message. */
	status: Accessor<CampaignStatus | undefined>;
	/** True while the socket is open and has delivered its snapshot. */
	connected: Accessor<boolean>;
	/** "live" while connected; "reconnecting" after a drop; "connecting" until the first snapshot. */
	state: Accessor<"connecting" | "live" | "reconnecting">;
	/** Attempts in a row that never reached an open socket (0 once connected). */
	failures: Accessor<number>;
	/** The latest tracking events (newest first, at most `keepEvents`). */
	events: Accessor<LiveEvent[]>;
	/** The A/B test's latest phase change or decision pushed by the server (undefined until one arrives). */
	ab: Accessor<LiveAb | undefined>;
};

/** The socket's address for a campaign, on this page's origin (the session cookie goes with the handshake). */
export function liveUrl(campaignId: string): string {
	const scheme = location.protocol === "https:" ? "wss:" : "ws:";
	return `${scheme}//${location.host}/api/v1/campaigns/${encodeURIComponent(campaignId)}/live`;
}

type Frame = Record<string, unknown>;
const isObject = (value: unknown): value is Frame => typeof value === "object" && value !== null;
const isStats = (value: unknown): value is CampaignStats => isObject(value) && typeof value.status === "string";

/** The shape checks per message type: enough that the views can rely on the fields they read. */
const CHECKS: Record<LiveMessage["type"], (frame: Frame) => boolean> = {
	snapshot: (f) => isStats(f.stats),
	stats: (f) => isStats(f.stats),
	status: (f) => typeof f.status === "string",
	ab: (f) => typeof f.phase === "string",
	event: (f) => typeof f.kind === "string" && typeof f.email === "string" && typeof f.at === "string",
};

/** Reads one frame; anything that is not a live message of a known type (e.g. "pong") is `undefined`. */
export function parseLive(data: unknown): LiveMessage | undefined {
	if (typeof data !== "string" || !data.startsWith("{")) return undefined;
	let frame: unknown;
	try {
		frame = JSON.parse(data);
	} catch {
		return undefined;
	}
	if (!isObject(frame) || typeof frame.type !== "string" || !Object.hasOwn(CHECKS, frame.type)) return undefined;
	return CHECKS[frame.type as LiveMessage["type"]](frame) ? (frame as LiveMessage) : undefined;
}

/**
 * A campaign's live socket as Solid signals. It connects while `campaignId()` is set, reconnects on close or
 * error with exponential backoff (partysocket; up to 5 s, at once when the browser comes back online), and the
 * server starts every connection with a fresh snapshot, so nothing missed while offline stays missing. Closed
 * when the owner is disposed.
 */
export function createLiveCampaign(campaignId: Accessor<string | undefined>, keepEvents = 20): LiveCampaign {
	const [stats, setStats] = createSignal<CampaignStats>();
	const [status, setStatus] = createSignal<CampaignStatus>();
	const [connected, setConnected] = createSignal(false);
	const [failures, setFailures] = createSignal(0);
	const [events, setEvents] = createSignal<LiveEvent[]>([]);
	const [ab, setAb] = createSignal<LiveAb>();
	const [everConnected, setEverConnected] = createSignal(false);
	const state = () => (connected() ? "live" : everConnected() ? "reconnecting" : "connecting");

	const receive = (message: LiveMessage) => {
		switch (message.type) {
			case "snapshot":
				setFailures(0);
				setConnected(true);
				setEverConnected(true);
				setStats(message.stats);
				setStatus(message.stats.status);
				break;
			case "stats":
				setStats(message.stats);
				setStatus(message.stats.status);
				break;
			case "status":
				setStatus(message.status);
				setStats((prev) => (prev ? { ...prev, status: message.status } : prev));
				break;
			case "event":
				setEvents((prev) => [message, ...prev].slice(0, keepEvents));
				break;
			case "ab":
				setAb(message);
				break;
		}
	};

	createEffect(() => {
		const id = campaignId();
		if (!id) return;
		const socket = new ReconnectingWebSocket(() => liveUrl(id), undefined, SOCKET_OPTIONS);
		let opened = false;
		socket.addEventListener("open", () => {
			opened = true;
		});
		socket.addEventListener("message", (event) => {
			const message = parseLive(event.data);
			if (message) receive(message);
		});
		socket.addEventListener("close", () => {
			if (!opened) setFailures((n) => n + 1);
			opened = false;
			setConnected(false);
		});
		const ping = setInterval(() => {
			if (socket.readyState === ReconnectingWebSocket.OPEN) socket.send("ping");
		}, PING_MS);
		const online = () => {
			if (!connected()) socket.reconnect();
		};

		window.addEventListener("online", online);
		onCleanup(() => {
			window.removeEventListener("online", online);
			clearInterval(ping);
			socket.close();
			setConnected(false);
		});
	});

	return { stats, status, connected, state, failures, events, ab };
}
