import type { Principal } from "../context";
import type { CLONE_PARTS } from "../contracts/clone";
import { addCampaignTags, tagsOfCampaigns } from "../db/campaign-tags";
import { insertCampaign } from "../db/campaigns";
import { createDb, type Db } from "../db/client";
import { findJourney } from "../db/journeys";
import { findSegmentRow } from "../db/segments";
import { findTemplateRow, insertTemplate, type TemplateRow } from "../db/templates";
import { setCampaignTopic, topicsOfCampaigns } from "../db/topics";
import { newId } from "../domain/ids";
import { copyName } from "../domain/operations/names";
import { notFound } from "../errors";
import { abOfCampaigns, checkAbFields, saveAbFields } from "./ab-setup";
import { auditInsert } from "./audit";
import { findCampaign, getCampaign } from "./campaigns";
import { createJourney, type JourneyCaller } from "./journeys";
import { createSegment } from "./segments";
import { getTemplate } from "./templates";

export type Write = { actor: Principal; ip: string | null };
type Part = (typeof CLONE_PARTS)[number];

const cloned = (db: Db, write: Write, type: string, from: string, id: string, metadata: Record<string, unknown> = {}) =>
	auditInsert(db, {
		workspaceId: write.actor.workspaceId,
		action: `${type}.cloned`,
		actor: write.actor,
		target: { type, id },
		ip: write.ip,
		metadata: { from, ...metadata },
	});

/** A new template with the source's content (and shelf), never archived. */
async function copyTemplate(db: Db, source: TemplateRow, name: string, category = source.category) {
	const id = newId("tpl");
	const now = new Date();
	await insertTemplate(db, { ...source, id, name, category, archivedAt: null, createdAt: now, updatedAt: now });
	return id;
}

/** The source's A/B test (variants with new ids, the same test settings) on the copy: it is part of the content. */
async function copyAbTest(db: Db, workspaceId: string, sourceId: string, copyId: string) {
	const ab = (await abOfCampaigns(db, [sourceId])).get(sourceId);
	if (!ab) return;
	const { goal_event, goal_window, ...test } = ab.ab_test;
	const checked = await checkAbFields(db, workspaceId, null, {
		variants: ab.variants.map(({ id: _id, ...variant }) => variant),
		ab_test: { ...test, goal_event: goal_event ?? undefined, goal_window: goal_window ?? undefined },
	});
	await saveAbFields(db, copyId, checked);
}

/**
 * A new draft from a campaign. `audience` copies the segment and topic (without it the draft goes to all
 * subscribed contacts); `content` gives the draft its own copy of the template, so editing it never changes
 * what the original sends, and the A/B test's variants and settings (without it no template is chosen yet); `schedule` keeps a send date still in the
 * future on the draft (nothing is scheduled). Sender, tracking settings and tags are always copied.
 */
export async function cloneCampaign(
	d1: D1Database,
	write: Write,
	id: string,
	input: { name?: string; include: Part[] },
	now = Date.now(),
) {
	const db = createDb(d1);
	const workspaceId = write.actor.workspaceId;
	const source = await findCampaign(d1, workspaceId, id);
	const include = new Set(input.include);
	const template = include.has("content") ? await findTemplateRow(db, workspaceId, source.templateId) : undefined;
	const name = input.name ?? copyName(source.name);
	const templateId = template ? await copyTemplate(db, template, copyName(template.name)) : "";
	const copyId = newId("cmp");
	const at = new Date(now);
	const keepDate = include.has("schedule") && source.sendAt && source.sendAt.getTime() > now;
	await insertCampaign(db, {
		id: copyId,
		workspaceId,
		name,
		status: "draft",
		segmentId: include.has("audience") ? source.segmentId : null,
		templateId,
		fromEmail: source.fromEmail,
		fromName: source.fromName,
		replyTo: source.replyTo,
		trackOpens: source.trackOpens,
		trackClicks: source.trackClicks,
		sendAt: keepDate ? source.sendAt : null,
		createdAt: at,
		updatedAt: at,
	});
	if (include.has("content")) await copyAbTest(db, workspaceId, id, copyId);
	const topicId = include.has("audience") ? (await topicsOfCampaigns(db, [id])).get(id) : undefined;
	if (topicId) await setCampaignTopic(db, copyId, topicId);
	const tags = (await tagsOfCampaigns(db, [id])).get(id) ?? [];
	if (tags.length > 0) await addCampaignTags(db, workspaceId, copyId, tags);
	await cloned(db, write, "campaign", id, copyId, { include: [...include] });
	return getCampaign(d1, workspaceId, copyId);
}

export async function cloneTemplate(d1: D1Database, write: Write, id: string, input: { name?: string }) {
	const db = createDb(d1);
	const source = await findTemplateRow(db, write.actor.workspaceId, id);
	if (!source) throw notFound("Template");
	const copyId = await copyTemplate(db, source, input.name ?? copyName(source.name));
	await cloned(db, write, "template", id, copyId);
	return getTemplate(d1, write.actor.workspaceId, copyId);
}

/** The campaign's email as a new template of the library. */
export async function saveCampaignAsTemplate(
	d1: D1Database,
	write: Write,
	id: string,
	input: { name: string; category?: string | null },
) {
	const db = createDb(d1);
	const campaign = await findCampaign(d1, write.actor.workspaceId, id);
	const source = await findTemplateRow(db, write.actor.workspaceId, campaign.templateId);
	if (!source) throw notFound("The campaign's template");
	const copyId = await copyTemplate(db, source, input.name, input.category ?? source.category);
	await cloned(db, write, "template", source.id, copyId, { campaign_id: id });
	return getTemplate(d1, write.actor.workspaceId, copyId);
}

export async function cloneSegment(d1: D1Database, write: Write, id: string, input: { name?: string }) {
	const db = createDb(d1);
	const source = await findSegmentRow(db, write.actor.workspaceId, id);
	if (!source) throw notFound("Segment");
	const copy = await createSegment(d1, write.actor, {
		name: input.name ?? copyName(source.name),
		definition: source.definition,
	});
	await cloned(db, write, "segment", id, copy.id);
	return copy;
}

/** A new draft journey with the source's current definition (version 1). */
export async function cloneJourney(db: Db, caller: JourneyCaller, id: string, input: { name?: string }) {
	const source = await findJourney(db, caller.actor.workspaceId, id);
	if (!source) throw notFound("Journey");
	return createJourney(db, caller, {
		name: input.name ?? copyName(source.name),
		definition: source.definition,
		transactional: source.transactional,
	});
}
