import type { Principal } from "../context";
import { auditPageFiltered } from "../db/audit";
import { createDb } from "../db/client";
import { findTemplateRow } from "../db/templates";
import { idFloor } from "../domain/ids";
import { readiness } from "../domain/planning/readiness";
import { ApiError } from "../errors";
import { getApproval } from "./approvals";
import { sendRefusal } from "./campaign-commands";
import { audienceCount, findCampaign } from "./campaigns";
import { assertSenderAllowed, senderPolicy } from "./sending-domains";
import { getWorkspace } from "./workspace";

/** Why the sender cannot be used right now (an unverified domain), or null. */
async function senderProblem(env: Env, workspaceId: string, email: string) {
	try {
		await assertSenderAllowed(env.DB, workspaceId, email, "from_email", senderPolicy(env));
		return null;
	} catch (error) {
		if (error instanceof ApiError) return error.message;
		throw error;
	}
}

/** The last test send of the template as it is now (a test before its last edit does not count). */
async function lastTestSend(d1: D1Database, workspaceId: string, templateId: string, since: Date) {
	const [entry] = await auditPageFiltered(createDb(d1), workspaceId, "~", 1, {
		action: "template.test_send",
		targetType: "template",
		targetId: templateId,
		fromId: idFloor("aud", since.getTime()),
	});
	return entry?.createdAt ?? null;
}

/**
 * The checklist before send: audience, footer, unsubscribe, sender, test send, approvals, schedule; and the score.
 * With what `send` and `schedule` would answer now (`refusals`): the checks advise, the refusals decide.
 */
export async function campaignReadiness(env: Env, principal: Principal, campaignId: string, now = new Date()) {
	const workspaceId = principal.workspaceId;
	const d1 = env.DB;
	const db = createDb(d1);
	const campaign = await findCampaign(d1, workspaceId, campaignId);
	const [audience, workspace, template, approval, problem, send, schedule] = await Promise.all([
		audienceCount(d1, workspaceId, campaignId),
		getWorkspace(db, workspaceId),
		findTemplateRow(db, workspaceId, campaign.templateId),
		getApproval(d1, principal, "campaign", campaignId),
		senderProblem(env, workspaceId, campaign.fromEmail),
		sendRefusal(env, workspaceId, campaignId, { type: "send" }),
		// Scheduling again at the chosen time; with none chosen yet, only the campaign's status can refuse it.
		sendRefusal(env, workspaceId, campaignId, {
			type: "schedule",
			sendAt: campaign.sendAt?.getTime() ?? Number.POSITIVE_INFINITY,
		}),
	]);
	const checklist = readiness({
		audience: audience.count,
		postalAddress: workspace.postalAddress,
		html: template?.html ?? "",
		fromEmail: campaign.fromEmail,
		senderProblem: problem,
		lastTestSendAt: template ? await lastTestSend(d1, workspaceId, template.id, template.updatedAt) : null,
		approval: approval.status,
		approvalStage: approval.stage,
		sendAt: campaign.sendAt,
		now,
	});
	return { ...checklist, refusals: { send, schedule } };
}
