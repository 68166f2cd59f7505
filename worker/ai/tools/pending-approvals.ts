import type { Principal } from "../../context";
import { openRequestsOf } from "../../db/approvals";
import { createDb } from "../../db/client";
import { ApiError } from "../../errors";
import { loadTarget } from "../../services/approval-targets";
import { getApproval } from "../../services/approvals";

/**
 * The workspace's reviews still awaiting a decision: open requests whose current version is pending
 * (a request voided by an edit, or whose target was deleted, is left out), each with its target's name.
 */
export async function pendingApprovals(d1: D1Database, principal: Principal, limit: number) {
	const db = createDb(d1);
	const open = await openRequestsOf(db, principal.workspaceId, limit);
	const found = await Promise.all(
		open.map(async (r) => {
			try {
				const [target, approval] = await Promise.all([
					loadTarget(d1, db, principal.workspaceId, r.targetType, r.targetId),
					getApproval(d1, principal, r.targetType, r.targetId),
				]);
				if (approval.status !== "pending") return null;
				return { target_type: r.targetType, target_id: r.targetId, name: target.name, url: target.link, approval };
			} catch (error) {
				if (error instanceof ApiError && error.code === "not_found") return null;
				throw error;
			}
		}),
	);
	return found.filter((p) => p !== null);
}
