import { type Accessor, createEffect, onCleanup } from "solid-js";

/**
 * Runs `tick` every `ms` milliseconds while `active()` is true. The next tick is timed from the end of the
 * previous one, so a slow answer never piles requests up; polling stops when `active()` turns false or the
 * owner is disposed. (Live numbers come over the campaign socket, lib/live.ts; this is the fallback.)
 */
export function createPolling(active: Accessor<boolean>, tick: () => Promise<unknown>, ms: number): void {
	createEffect(() => {
		if (!active()) return;
		let stopped = false;
		let timer: ReturnType<typeof setTimeout> | undefined;
		const loop = async () => {
			try {
				await tick();
			} catch {
				// A failed poll is retried on the next tick; the page shows the last good numbers meanwhile.
			}
			if (!stopped) timer = setTimeout(loop, ms);
		};
		timer = setTimeout(loop, ms);
		onCleanup(() => {
			stopped = true;
			clearTimeout(timer);
		});
	});
}
