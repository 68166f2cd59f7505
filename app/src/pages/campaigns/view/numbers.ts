import { type Accessor, createEffect, createSignal, on } from "solid-js";
import { getCampaignStats, messageOf } from "../../../lib/api";
import { createPolling } from "../../../lib/poll";
import type { CampaignStats, CampaignStatus } from "../../../lib/types";

/** What the page needs from the campaign socket (lib/live.ts). */
export type LiveSource = {
	stats: Accessor<CampaignStats | undefined>;
	connected: Accessor<boolean>;
	failures: Accessor<number>;
	state: Accessor<"connecting" | "live" | "reconnecting">;
};

/** "Live" while the socket is open; otherwise how the numbers are kept fresh. */
export type LiveState = "live" | "polling" | "connecting" | "reconnecting";

/** Failed connection attempts in a row before the page falls back to polling (the socket keeps retrying). */
export const FALLBACK_AFTER = 3;

type Options = {
	id: string;
	live: LiveSource;
	/** The status on the campaign row, used until numbers arrive. */
	rowStatus: Accessor<CampaignStatus>;
	load?: (id: string) => Promise<CampaignStats>;
	pollMs?: number;
};

/**
 * A campaign's numbers: one GET for the first paint, then the socket's snapshot and updates. The page polls only
 * while the socket cannot connect, and after a command it shows the command's answer until the socket confirms.
 */
export function createCampaignNumbers(options: Options) {
	const load = options.load ?? getCampaignStats;
	const { live } = options;
	const [stats, setStats] = createSignal<CampaignStats>();
	const [error, setError] = createSignal<string>();

	const reload = async () => {
		try {
			const fresh = await load(options.id);
			// A snapshot that arrived meanwhile is at least as new.
			if (!live.connected()) setStats(fresh);
			setError(undefined);
		} catch (e) {
			if (!live.connected()) setError(messageOf(e));
		}
	};
	void reload();
	createEffect(
		on(live.stats, (fresh) => {
			if (!fresh) return;
			setStats(fresh);
			setError(undefined);
		}),
	);

	const status = () => stats()?.status ?? options.rowStatus();
	const polling = () => !live.connected() && live.failures() >= FALLBACK_AFTER;
	createPolling(() => polling() && status() !== "draft", reload, options.pollMs ?? 2000);
	const liveState = (): LiveState => (live.connected() ? "live" : polling() ? "polling" : live.state());

	return {
		stats,
		error,
		status,
		liveState,
		/**
		 * A command answered `next`: shown at once. While the socket is live it pushes the change itself, so
		 * nothing is fetched; otherwise the numbers are reloaded. Returns whether the socket was live.
		 */
		afterCommand(next: CampaignStatus): boolean {
			setStats((prev) => (prev ? { ...prev, status: next } : prev));
			if (live.connected()) return true;
			void reload();
			return false;
		},
	};
}

export type CampaignNumbers = ReturnType<typeof createCampaignNumbers>;
