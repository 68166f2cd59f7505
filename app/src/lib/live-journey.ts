import ReconnectingWebSocket from "partysocket/ws";
import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";
import type { JourneyStats } from "./api";
import { PING_MS, SOCKET_OPTIONS } from "./live";

/** A journey's socket address on this page's origin (API.md: `GET /journeys/:id/live`). */
export function journeyLiveUrl(id: string): string {
	const scheme = location.protocol === "https:" ? "wss:" : "ws:";
	return `${scheme}//${location.host}/api/v1/journeys/${encodeURIComponent(id)}/live`;
}

/** A `snapshot` or `stats` frame's numbers; anything else (pongs, unknown types) is `undefined`. */
export function parseJourneyFrame(data: unknown): JourneyStats | undefined {
	if (typeof data !== "string" || !data.startsWith("{")) return undefined;
	try {
		const frame = JSON.parse(data) as { type?: unknown; stats?: { entered?: unknown; nodes?: unknown } };
		if (frame.type !== "snapshot" && frame.type !== "stats") return undefined;
		const stats = frame.stats;
		return stats && typeof stats.entered === "number" && typeof stats.nodes === "object"
			? (stats as JourneyStats)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * A journey's live numbers over its socket, as the campaign page gets its own (lib/live.ts): every (re)connect
 * starts with a fresh snapshot, then `stats` updates. `failures` counts attempts in a row that never opened, so
 * the page can fall back to polling while the socket cannot connect (or the route is missing).
 */
export function createLiveJourney(id: Accessor<string | undefined>) {
	const [stats, setStats] = createSignal<JourneyStats>();
	const [connected, setConnected] = createSignal(false);
	const [failures, setFailures] = createSignal(0);

	createEffect(() => {
		const journeyId = id();
		if (!journeyId) return;
		const socket = new ReconnectingWebSocket(() => journeyLiveUrl(journeyId), undefined, SOCKET_OPTIONS);
		let opened = false;
		socket.addEventListener("open", () => {
			opened = true;
		});
		socket.addEventListener("message", (event) => {
			const fresh = parseJourneyFrame(event.data);
			if (!fresh) return;
			setFailures(0);
			setConnected(true);
			setStats(fresh);
		});
		socket.addEventListener("close", () => {
			if (!opened) setFailures((n) => n + 1);
			opened = false;
			setConnected(false);
		});
		const ping = setInterval(() => {
			if (socket.readyState === ReconnectingWebSocket.OPEN) socket.send("ping");
		}, PING_MS);
		onCleanup(() => {
			clearInterval(ping);
			socket.close();
			setConnected(false);
		});
	});

	return { stats, setStats, connected, failures };
}
