import { eq, isNotNull } from "drizzle-orm";
import type { Db } from "./client";
import { workspaceOpsSettings } from "./schema-ops";

export type OpsSettings = typeof workspaceOpsSettings.$inferSelect;

export async function opsSettingsOf(db: Db, workspaceId: string): Promise<OpsSettings | undefined> {
	const [row] = await db.select().from(workspaceOpsSettings).where(eq(workspaceOpsSettings.workspaceId, workspaceId));
	return row;
}

type Change = Partial<Pick<OpsSettings, "auditRetentionDays" | "alertRules" | "alertsFiredAt">>;

export function saveOpsSettings(db: Db, workspaceId: string, change: Change) {
	const at = { ...change, updatedAt: new Date() };
	return db
		.insert(workspaceOpsSettings)
		.values({ workspaceId, ...at })
		.onConflictDoUpdate({ target: workspaceOpsSettings.workspaceId, set: at });
}

/** Workspaces that keep their audit log for a limited time. */
export function retentionSettings(db: Db) {
	return db
		.select({ workspaceId: workspaceOpsSettings.workspaceId, days: workspaceOpsSettings.auditRetentionDays })
		.from(workspaceOpsSettings)
		.where(isNotNull(workspaceOpsSettings.auditRetentionDays));
}

/** Workspaces with alert rules, with their rules and when each last fired. */
export function alertSettings(db: Db) {
	return db.select().from(workspaceOpsSettings).where(isNotNull(workspaceOpsSettings.alertRules));
}
