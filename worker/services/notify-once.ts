import { createDb } from "../db/client";
import { claimNotification } from "../db/notification-throttle";
import { type NotificationMessage, notify, type Recipients } from "./notify";

export const HOUR_MS = 3_600_000;

/**
 * `notify`, at most once per `windowMs` for this workspace and `key` (a recurring trouble tells the team
 * once, not on every failing chunk or effect). The message is only put together (names read) when it goes.
 * Never throws.
 */
export async function notifyOnce(
	env: Env,
	workspaceId: string,
	key: string,
	to: Recipients,
	message: () => Promise<NotificationMessage>,
	now = Date.now(),
	windowMs = HOUR_MS,
): Promise<string[]> {
	try {
		if (!(await claimNotification(createDb(env.DB), workspaceId, key, now, windowMs))) return [];
		return notify(env, workspaceId, to, await message());
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, error: `notification ${key}: ${String(error)}` }));
		return [];
	}
}
