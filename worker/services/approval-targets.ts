import { type TargetType, variantsOf } from "../db/approvals";
import { tagsOfCampaigns } from "../db/campaign-tags";
import { findCampaignRow } from "../db/campaigns";
import type { Db } from "../db/client";
import { findJourney } from "../db/journeys";
import { findSegmentRow } from "../db/segments";
import { findTemplateRow } from "../db/templates";
import { type VersionInput, versionHash } from "../domain/approvals/version-hash";
import { notFound } from "../errors";
import { audienceCount } from "./campaigns";

/** What an approval needs to know of a campaign or journey. */
export type ApprovalTarget = {
	type: TargetType;
	id: string;
	name: string;
	link: string;
	tags: string[];
	versionHash: string;
	/** Recipients a send would mail now (read only when the policy asks). */
	audience: () => Promise<number | null>;
};

async function campaignTarget(d1: D1Database, db: Db, workspaceId: string, id: string): Promise<ApprovalTarget> {
	const row = await findCampaignRow(db, workspaceId, id);
	if (!row) throw notFound("Campaign");
	const [template, segment, variants, tags] = await Promise.all([
		findTemplateRow(db, workspaceId, row.templateId),
		row.segmentId ? findSegmentRow(db, workspaceId, row.segmentId) : undefined,
		variantsOf(db, id),
		tagsOfCampaigns(db, [id]),
	]);
	const input: VersionInput = {
		content: template
			? { subject: template.subject, preheader: template.preheader, html: template.html, text: template.text }
			: null,
		from: { email: row.fromEmail, name: row.fromName, reply_to: row.replyTo },
		segment: { id: row.segmentId, definition: segment?.definition ?? null },
		variants,
	};
	return {
		type: "campaign",
		id,
		name: row.name,
		link: `/campaigns/${id}`,
		tags: tags.get(id) ?? [],
		versionHash: await versionHash(input),
		audience: async () => (await audienceCount(d1, workspaceId, id)).count,
	};
}

async function journeyTarget(db: Db, workspaceId: string, id: string): Promise<ApprovalTarget> {
	const row = await findJourney(db, workspaceId, id);
	if (!row) throw notFound("Journey");
	return {
		type: "journey",
		id,
		name: row.name,
		link: `/journeys/${id}`,
		tags: [],
		versionHash: await versionHash({ content: null, from: null, segment: null, definition: row.definition }),
		audience: async () => null,
	};
}

/** The campaign or journey of this workspace (404 otherwise), with the hash of its current version. */
export function loadTarget(d1: D1Database, db: Db, workspaceId: string, type: TargetType, id: string) {
	return type === "campaign" ? campaignTarget(d1, db, workspaceId, id) : journeyTarget(db, workspaceId, id);
}
