import { createResource } from "solid-js";
import { getSegment, getTemplate } from "../../../lib/api";
import type { Campaign } from "../../../lib/types";

/** The segment (none for everyone) and the template a campaign names, each `null` when it has since been deleted. */
export function createCampaignRefs(campaign: () => Pick<Campaign, "audience" | "template_id">) {
	const [segment] = createResource(
		() => campaign().audience.segment_id ?? false,
		(id) => getSegment(id).catch(() => null),
	);
	const [template] = createResource(
		() => campaign().template_id,
		(id) => getTemplate(id).catch(() => null),
	);
	return { segment, template };
}
