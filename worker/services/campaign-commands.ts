import { publicBaseUrl, tokenSecret } from "../config";
import type { Principal } from "../context";
import type { CampaignCommand } from "../contracts/campaign-commands";
import { setCampaignBaseUrl, setCampaignLocalTime } from "../db/campaigns";
import { createDb } from "../db/client";
import { findTemplateRow } from "../db/templates";
import { commandEvent, transition } from "../domain/campaigns/machine";
import { ApiError } from "../errors";
import { assertAbReady } from "./ab-send-check";
import { assertApproved } from "./approvals";
import { recordAudit } from "./audit";
import { findCampaign } from "./campaigns";
import { assertSenderAllowed, senderPolicy } from "./sending-domains";
import { getWorkspace } from "./workspace";

/** A campaign must be lawful before it leaves: a postal address for the footer, a sender and a template. */
async function assertReadyToSend(env: Env, workspaceId: string, campaignId: string, sendingNow: boolean) {
	tokenSecret(env);
	const campaign = await findCampaign(env.DB, workspaceId, campaignId);
	const db = createDb(env.DB);
	const workspace = await getWorkspace(db, workspaceId);
	if (!workspace.postalAddress) {
		throw new ApiError(
			"unprocessable",
			"Add the workspace's postal address in settings: every marketing email must show it",
			[{ path: "postal_address", message: "Required before sending" }],
		);
	}
	if (!(await findTemplateRow(db, workspaceId, campaign.templateId)))
		throw new ApiError("unprocessable", "The campaign's template was deleted; choose another", [
			{ path: "template_id", message: "Missing" },
		]);
	// The sending domain may have been removed since the campaign was written.
	await assertSenderAllowed(env.DB, workspaceId, campaign.fromEmail, "from_email", senderPolicy(env));
	await assertAbReady(env.DB, workspaceId, campaignId, sendingNow);
}

/** What `send` and `schedule` check before the campaign's lifecycle: approvals first, then what the law and the send need. */
async function assertSendable(env: Env, workspaceId: string, campaignId: string, sendingNow: boolean) {
	await assertApproved(createDb(env.DB), workspaceId, "campaign", campaignId);
	await assertReadyToSend(env, workspaceId, campaignId, sendingNow);
}

export type SendRefusal = { code: string; message: string; path: string | null };

/** The 409 of a lifecycle command the campaign's machine refuses (`send_at` when the time is at fault, else `status`). */
function lifecycleRefusal(command: CampaignCommand, reason: string) {
	const path = command.type === "schedule" && /future/.test(reason) ? "send_at" : "status";
	return new ApiError("conflict", reason, [{ path, message: reason }]);
}

/**
 * The refusal `send` or `schedule` would answer now for this campaign, as a value, or null when they would go ahead:
 * the same checks in the same order (approvals, what the law and the send need, then the lifecycle: the campaign's
 * status and, for `schedule`, its chosen send time, by the same machine the campaign's object runs).
 */
export async function sendRefusal(env: Env, workspaceId: string, campaignId: string, command: CampaignCommand) {
	try {
		await assertSendable(env, workspaceId, campaignId, command.type === "send");
		const { status } = await findCampaign(env.DB, workspaceId, campaignId);
		const result = transition(status, commandEvent(command, Date.now()));
		if (!result.ok) throw lifecycleRefusal(command, result.reason);
		return null;
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		return { code: error.code, message: error.message, path: error.issues?.[0]?.path ?? null } satisfies SendRefusal;
	}
}

/** The schedule command of a request's `{send_at, local_time?}`. */
export const scheduleCommand = (schedule: { send_at: string; local_time?: string }): CampaignCommand => ({
	type: "schedule",
	sendAt: Date.parse(schedule.send_at),
	localTime: schedule.local_time ?? null,
});

/** Runs a lifecycle command through the campaign's Durable Object; an illegal transition is 409. */
export async function runCommand(
	env: Env,
	actor: Principal,
	campaignId: string,
	command: CampaignCommand,
	requestUrl: string,
	ip: string | null,
) {
	const campaign = await findCampaign(env.DB, actor.workspaceId, campaignId);
	if (command.type === "send" || command.type === "schedule") {
		await assertSendable(env, actor.workspaceId, campaignId, command.type === "send");
		await setCampaignBaseUrl(createDb(env.DB), campaign.id, publicBaseUrl(env, requestUrl));
		// "Send now" sends to everyone at once; a schedule says whether each recipient waits for their local time.
		if (campaign.status === "draft" || campaign.status === "scheduled")
			await setCampaignLocalTime(
				createDb(env.DB),
				campaign.id,
				command.type === "schedule" ? (command.localTime ?? null) : null,
			);
	}
	const result = await env.CAMPAIGN.getByName(campaignId).command(campaignId, actor.workspaceId, command);
	if (!result.ok) throw lifecycleRefusal(command, result.reason);
	await recordAudit(createDb(env.DB), {
		workspaceId: actor.workspaceId,
		action: `campaign.${command.type}`,
		actor,
		target: { type: "campaign", id: campaignId },
		ip,
	});
	return { id: campaignId, status: result.status };
}
