import type { Principal } from "../context";
import { variantsOf } from "../db/ab";
import { createDb } from "../db/client";
import { ApiError } from "../errors";
import { recordAudit } from "./audit";
import { findCampaign } from "./campaigns";

/**
 * A person picks the A/B test's winner now (audited): the campaign object starts the winner phase. 404 for a
 * campaign of another workspace, 422 for a variant not in the test, 409 when the test is not testing or deciding.
 */
export async function pickAbWinner(
	env: Env,
	actor: Principal,
	campaignId: string,
	variantId: string,
	ip: string | null,
) {
	const campaign = await findCampaign(env.DB, actor.workspaceId, campaignId);
	const db = createDb(env.DB);
	const variants = await variantsOf(db, campaign.id);
	if (variants.length === 0) throw new ApiError("not_found", "This campaign is not an A/B test");
	const variant = variants.find((v) => v.id === variantId);
	if (!variant)
		throw new ApiError("unprocessable", "Choose one of the test's variants", [
			{ path: "variant_id", message: "Not a variant of this campaign" },
		]);
	const result = await env.CAMPAIGN.getByName(campaign.id).pickWinner(variant.id);
	if (!result.ok) {
		const code = result.code === "unknown_variant" ? "unprocessable" : "conflict";
		throw new ApiError(code, result.reason, [
			{ path: code === "conflict" ? "phase" : "variant_id", message: result.reason },
		]);
	}
	await recordAudit(db, {
		workspaceId: actor.workspaceId,
		action: "campaign.ab_winner",
		actor,
		target: { type: "campaign", id: campaign.id },
		ip,
		metadata: { variant_id: variant.id, variant_name: variant.name },
	});
}
