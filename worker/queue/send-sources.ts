import type { Db } from "../db/client";
import {
	type CampaignRow,
	campaignForSend,
	type SendTemplate,
	type SendWorkspace,
	templateForSend,
	workspaceForSend,
} from "../db/sends";
import { loadVariantContents, type VariantContent } from "./variant-content";

/** What every chunk of a campaign is rendered from. Its content cannot change while it sends. */
export type CampaignSources = {
	campaign: CampaignRow;
	template: SendTemplate;
	workspace: SendWorkspace;
	/** A/B tests: each variant's content, by variant id. */
	variants?: Map<string, VariantContent>;
};

/**
 * The campaign, template and workspace of a SENDS batch's chunks, each read once per batch (a batch holds up to
 * 100 chunks, usually of one campaign). The campaign's status is not taken from here: it is read with each chunk.
 */
export function batchSources(db: Db) {
	const loaded = new Map<string, Promise<CampaignSources | null>>();
	const load = async (campaignId: string): Promise<CampaignSources | null> => {
		const campaign = await campaignForSend(db, campaignId);
		if (!campaign) return null;
		const [template, workspace] = await Promise.all([
			templateForSend(db, campaign.templateId),
			workspaceForSend(db, campaign.workspaceId),
		]);
		if (!template || !workspace) throw new Error(`campaign ${campaignId} lost its template or workspace`);
		return { campaign, template, workspace, variants: await loadVariantContents(db, campaign, template) };
	};
	return (campaignId: string): Promise<CampaignSources | null> => {
		let sources = loaded.get(campaignId);
		if (!sources) {
			sources = load(campaignId);
			// A failed read is not kept: the next chunk asks again.
			sources.catch(() => loaded.delete(campaignId));
			loaded.set(campaignId, sources);
		}
		return sources;
	};
}

export type SourcesOf = ReturnType<typeof batchSources>;
