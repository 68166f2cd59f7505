import type { BatchItem } from "drizzle-orm/batch";
import type { Principal } from "../context";
import type { Db } from "../db/client";
import { auditInsert } from "./audit";

type Change = { action: string; target: { type: string; id: string }; metadata?: Record<string, unknown> };

/** One change and its audit entry, by the caller, in one D1 transaction (both happen, or neither). */
export async function commitAudited(
	c: { db: Db; actor: Principal; ip: string | null },
	statement: BatchItem<"sqlite">,
	change: Change,
) {
	await c.db.batch([
		statement,
		auditInsert(c.db, { workspaceId: c.actor.workspaceId, actor: c.actor, ip: c.ip, ...change }),
	]);
}
