import { lt } from "drizzle-orm";
import type { Db } from "./client";
import { notificationThrottle } from "./schema-alerts";

/**
 * Claims the right to notify about `key` now: true when it was never claimed, or last claimed more than
 * `windowMs` ago (one atomic upsert, so two consumers racing never both win).
 */
export async function claimNotification(db: Db, workspaceId: string, key: string, now: number, windowMs: number) {
	const at = new Date(now);
	const rows = await db
		.insert(notificationThrottle)
		.values({ workspaceId, key, lastAt: at })
		.onConflictDoUpdate({
			target: [notificationThrottle.workspaceId, notificationThrottle.key],
			set: { lastAt: at },
			setWhere: lt(notificationThrottle.lastAt, new Date(now - windowMs)),
		})
		.returning({ key: notificationThrottle.key });
	return rows.length > 0;
}
