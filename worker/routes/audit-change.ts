import type { Context } from "hono";
import type { AppEnv } from "../context";
import { clientIp } from "../middleware/auth";
import { recordAudit } from "../services/audit";

/**
 * Records a change the request made (`campaign.created`, `template.deleted`, ...) in the workspace's audit log,
 * by the caller and from their address, so `GET /audit-log?action=&target_type=&target_id=` finds it.
 */
export function auditChange(c: Context<AppEnv>, action: string, target: { type: string; id: string }) {
	return recordAudit(c.var.db, {
		workspaceId: c.var.principal.workspaceId,
		action,
		actor: c.var.principal,
		target,
		ip: clientIp(c),
	});
}
