import { variantsOf } from "../db/ab";
import type { Db } from "../db/client";
import { type CampaignRow, type SendTemplate, templateForSend } from "../db/sends";

/** What an A/B variant changes in its emails: the template (with its subject and preheader) and the from name. */
export type VariantContent = { template: SendTemplate; fromName: string };

/**
 * The content of each variant of an A/B campaign (undefined for a plain campaign): its own template or the
 * campaign's, with its subject, preheader and from name over the template's and campaign's.
 */
export async function loadVariantContents(
	db: Db,
	campaign: CampaignRow,
	template: SendTemplate,
): Promise<Map<string, VariantContent> | undefined> {
	const variants = await variantsOf(db, campaign.id);
	if (variants.length === 0) return undefined;
	const contents = new Map<string, VariantContent>();
	for (const v of variants) {
		const base = v.templateId ? await templateForSend(db, v.templateId) : template;
		if (!base) throw new Error(`variant ${v.name} of campaign ${campaign.id} lost its template`);
		contents.set(v.id, {
			template: { ...base, subject: v.subject ?? base.subject, preheader: v.preheader ?? base.preheader },
			fromName: v.fromName ?? campaign.fromName,
		});
	}
	return contents;
}

/** The template and from name a message is rendered with: its variant's, else the campaign's. */
export function contentOf(
	sources: { campaign: CampaignRow; template: SendTemplate; variants?: Map<string, VariantContent> },
	variantId: string | null,
): VariantContent {
	const variant = variantId ? sources.variants?.get(variantId) : undefined;
	return variant ?? { template: sources.template, fromName: sources.campaign.fromName };
}
