import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";
import { type LiveMessage, LiveMessageSchema } from "../../../worker/contracts/live";
import type { CampaignStats, CampaignStatus } from "./types";

/** The first retry waits this long; each failure doubles it, up to `MAX_DELAY_MS`. */
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 5_000;
/** A ping keeps idle proxies from dropping the socket (the campaign object answers "pong"). */
const PING_MS = 25_000;

export type LiveEvent = Extract<LiveMessage, { type: "event" }>;

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
};

/** The socket's address for a campaign, on this page's origin (the session cookie goes with the handshake). */
export function liveUrl(campaignId: string): string {
	const scheme = location.protocol === "https:" ? "wss:" : "ws:";
	return `${scheme}//${location.host}/api/v1/campaigns/${encodeURIComponent(campaignId)}/live`;
}

/** The delay before retry number `attempt` (1-based): exponential with a little jitter, capped at ~5 s. */
export function backoff(attempt: number): number {
	const exp = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
	return Math.round(exp * (0.8 + Math.random() * 0.2));
}

/** Reads one frame; anything that is not a valid live message (e.g. "pong") is `undefined`. */
export function parseLive(data: unknown): LiveMessage | undefined {
	if (typeof data !== "string" || !data.startsWith("{")) return undefined;
	try {
		const parsed = LiveMessageSchema.safeParse(JSON.parse(data));
		return parsed.success ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * A campaign's live socket as Solid signals. It connects while `campaignId()` is set, reconnects on close or
 * error with exponential backoff (up to ~5 s; at once when the browser comes back online), and every reconnect
 * starts with a fresh snapshot, so nothing missed while offline stays missing. Closed when the owner is disposed.
 */
export function createLiveCampaign(campaignId: Accessor<string | undefined>, keepEvents = 20): LiveCampaign {
	const [stats, setStats] = createSignal<CampaignStats>();
	const [status, setStatus] = createSignal<CampaignStatus>();
	const [connected, setConnected] = createSignal(false);
	const [failures, setFailures] = createSignal(0);
	const [events, setEvents] = createSignal<LiveEvent[]>([]);
	const [everConnected, setEverConnected] = createSignal(false);
	const state = () => (connected() ? "live" : everConnected() ? "reconnecting" : "connecting");

	createEffect(() => {
		const id = campaignId();
		if (!id) return;
		let socket: WebSocket | undefined;
		let retry: ReturnType<typeof setTimeout> | undefined;
		let ping: ReturnType<typeof setInterval> | undefined;
		let attempt = 0;
		let disposed = false;

		const schedule = () => {
			if (disposed || retry) return;
			attempt += 1;
			retry = setTimeout(() => {
				retry = undefined;
				connect();
			}, backoff(attempt));
		};
		const drop = () => {
			clearInterval(ping);
			ping = undefined;
			if (socket) {
				socket.onopen = null;
				socket.onmessage = null;
				socket.onclose = null;
				socket.onerror = null;
				if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close();
				socket = undefined;
			}
			setConnected(false);
		};
		const connect = () => {
			drop();
			let opened = false;
			let ws: WebSocket;
			try {
				ws = new WebSocket(liveUrl(id));
			} catch {
				setFailures((n) => n + 1);
				schedule();
				return;
			}
			socket = ws;
			ws.onopen = () => {
				opened = true;
				ping = setInterval(() => {
					if (ws.readyState === WebSocket.OPEN) ws.send("ping");
				}, PING_MS);
			};
			ws.onmessage = (event) => {
				const message = parseLive(event.data);
				if (!message) return;
				switch (message.type) {
					case "snapshot":
						attempt = 0;
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
				}
			};
			const lost = () => {
				if (socket !== ws) return;
				if (!opened) setFailures((n) => n + 1);
				drop();
				schedule();
			};
			ws.onclose = lost;
			ws.onerror = lost;
		};
		const online = () => {
			if (connected()) return;
			clearTimeout(retry);
			retry = undefined;
			attempt = 0;
			connect();
		};

		window.addEventListener("online", online);
		connect();
		onCleanup(() => {
			disposed = true;
			window.removeEventListener("online", online);
			clearTimeout(retry);
			drop();
		});
	});

	return { stats, status, connected, state, failures, events };
}
