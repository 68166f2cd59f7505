import type { Principal } from "../context";
import type { CampaignListQuery } from "../contracts/campaign-list";
import type { SegmentDefinition } from "../contracts/segments";
import { archivedCampaigns } from "../db/campaign-tags";
import {
	type CampaignRow as Campaign,
	type CampaignFilter,
	type CampaignSqlRow,
	campaignPage,
	campaignProgress,
	deleteCampaignRow,
	findCampaignRow,
	insertCampaign,
	updateEditableCampaign,
} from "../db/campaigns";
import { createDb } from "../db/client";
import { countAudience } from "../db/contacts";
import { findSegmentRow } from "../db/segments";
import { findTemplateRow } from "../db/templates";
import { setCampaignTopic, topicsOfCampaigns } from "../db/topics";
import { newId } from "../domain/ids";
import { displayNameProblem } from "../domain/sender";
import { ApiError, notFound } from "../errors";
import { type AbFields, abOfCampaigns, checkAbFields, saveAbFields } from "./ab-setup";
import { pageOf, startAfter } from "./pagination";
import { assertSenderAllowed, type SenderPolicy, senderPolicy } from "./sending-domains";
import { assertTopicOfWorkspace } from "./topics";
import { getWorkspace } from "./workspace";

/** @deprecated The raw `SELECT *` shape, for the consumers not yet on worker/db/campaigns.ts (use its `CampaignRow`). */
export type CampaignRow = CampaignSqlRow;

export type CampaignFields = {
	name?: string;
	audience?: { segment_id?: string | null };
	template_id?: string;
	from_email?: string;
	from_name?: string;
	reply_to?: string | null;
	settings?: { track_opens: boolean; track_clicks: boolean };
	/** The topic the campaign is about (contacts opted out of it are left out); null clears it. */
	topic_id?: string | null;
} & AbFields;

const iso = (at: Date | null) => at?.toISOString() ?? null;

export function presentCampaign(row: Campaign, progress = { audience: 0, processed: 0 }) {
	return {
		id: row.id,
		name: row.name,
		status: row.status,
		audience: { segment_id: row.segmentId },
		template_id: row.templateId,
		from_email: row.fromEmail,
		from_name: row.fromName,
		reply_to: row.replyTo,
		schedule: row.sendAt ? { send_at: row.sendAt.toISOString(), local_time: row.localTime } : null,
		settings: { track_opens: row.trackOpens, track_clicks: row.trackClicks },
		progress,
		created_at: row.createdAt.toISOString(),
		updated_at: row.updatedAt.toISOString(),
		started_at: iso(row.startedAt),
		completed_at: iso(row.completedAt),
		pause_reason: row.status === "paused" ? (row.pauseReason ?? null) : null,
	};
}

export async function findCampaign(d1: D1Database, workspaceId: string, id: string): Promise<Campaign> {
	const row = await findCampaignRow(createDb(d1), workspaceId, id);
	if (!row) throw notFound("Campaign");
	return row;
}

/** Per-campaign progress from the message log: how many recipients exist and how many are settled. */
export async function progressOf(d1: D1Database, campaignIds: string[]) {
	const rows = await campaignProgress(createDb(d1), campaignIds);
	return new Map(rows.map((r) => [r.campaignId, { audience: r.audience, processed: r.processed ?? 0 }]));
}

export async function getCampaign(d1: D1Database, workspaceId: string, id: string) {
	const row = await findCampaign(d1, workspaceId, id);
	const topics = await topicsOfCampaigns(createDb(d1), [id]);
	const ab = (await abOfCampaigns(createDb(d1), [id])).get(id);
	return { ...presentCampaign(row, (await progressOf(d1, [id])).get(id)), topic_id: topics.get(id) ?? null, ...ab };
}

/** What a list asks for: a status (`archived`: only those), or archived campaigns listed with the others. */
const filterOf = (page: Partial<Pick<CampaignListQuery, "status" | "include_archived">>): CampaignFilter =>
	page.status === "archived"
		? { archived: "only" }
		: { status: page.status, archived: page.include_archived === "true" ? "include" : "hide" };

/** A page of campaigns, newest first; archived ones only when asked for (`status=archived`, `include_archived`). */
export async function listCampaigns(
	d1: D1Database,
	workspaceId: string,
	page: { limit: number; cursor?: string } & Partial<Pick<CampaignListQuery, "status" | "include_archived">>,
) {
	const db = createDb(d1);
	const rows = await campaignPage(db, workspaceId, startAfter(page, "desc"), page.limit + 1, filterOf(page));
	const archived = await archivedCampaigns(
		db,
		rows.map((r) => r.id),
	);
	const progress = await progressOf(
		d1,
		rows.map((r) => r.id),
	);
	const topics = await topicsOfCampaigns(
		createDb(d1),
		rows.map((r) => r.id),
	);
	const ab = await abOfCampaigns(
		createDb(d1),
		rows.map((r) => r.id),
	);
	return pageOf(rows, page, (r) => ({
		...presentCampaign(r, progress.get(r.id)),
		topic_id: topics.get(r.id) ?? null,
		...ab.get(r.id),
		archived: archived.has(r.id),
	}));
}

/**
 * How many recipients a send would mail now: the segment's contacts (everyone when the campaign has
 * no segment, or its segment was deleted, as the fan-out reads it) who are subscribed and not
 * suppressed. The same count the fan-out's audience gives, from the one audience query.
 */
export async function audienceCount(d1: D1Database, workspaceId: string, id: string) {
	const db = createDb(d1);
	const row = await findCampaign(d1, workspaceId, id);
	const segment = row.segmentId ? await findSegmentRow(db, workspaceId, row.segmentId) : undefined;
	const definition = (segment?.definition ?? null) as SegmentDefinition | null;
	const topicId = (await topicsOfCampaigns(db, [id])).get(id) ?? null;
	return { count: await countAudience(db, workspaceId, definition, Date.now(), topicId) };
}

/** The template and segment must belong to the workspace; the sender defaults to the workspace's. */
async function checkReferences(d1: D1Database, workspaceId: string, fields: CampaignFields) {
	const db = createDb(d1);
	if (fields.template_id && !(await findTemplateRow(db, workspaceId, fields.template_id)))
		throw new ApiError("validation_failed", "Choose a template of this workspace", [
			{ path: "template_id", message: "Template not found" },
		]);
	const segmentId = fields.audience?.segment_id;
	if (segmentId && !(await findSegmentRow(db, workspaceId, segmentId)))
		throw new ApiError("validation_failed", "Choose a segment of this workspace", [
			{ path: "audience.segment_id", message: "Segment not found" },
		]);
	await assertTopicOfWorkspace(db, workspaceId, fields.topic_id);
}

/** The sender name must be safe in a From header (the API checks too; the assistant's tools come here directly). */
function checkSenderName(fields: CampaignFields) {
	const problem = fields.from_name === undefined ? null : displayNameProblem(fields.from_name);
	if (problem) throw new ApiError("validation_failed", problem, [{ path: "from_name", message: problem }]);
}

export async function createCampaign(
	d1: D1Database,
	actor: Principal,
	input: CampaignFields & { name: string; template_id: string },
	policy: SenderPolicy = senderPolicy(),
) {
	checkSenderName(input);
	await checkReferences(d1, actor.workspaceId, input);
	const workspace = await getWorkspace(createDb(d1), actor.workspaceId);
	const fromEmail = input.from_email ?? workspace.defaultFromEmail;
	if (!fromEmail) {
		throw new ApiError("validation_failed", "Give a sender address or set a default one in workspace settings", [
			{ path: "from_email", message: "Required" },
		]);
	}
	await assertSenderAllowed(d1, actor.workspaceId, fromEmail, "from_email", policy);
	const ab = await checkAbFields(createDb(d1), actor.workspaceId, null, input);
	const id = newId("cmp");
	const now = new Date();
	await insertCampaign(createDb(d1), {
		id,
		workspaceId: actor.workspaceId,
		name: input.name,
		status: "draft",
		segmentId: input.audience?.segment_id ?? null,
		templateId: input.template_id,
		fromEmail,
		fromName: input.from_name ?? workspace.defaultFromName,
		replyTo: input.reply_to ?? null,
		trackOpens: input.settings?.track_opens ?? true,
		trackClicks: input.settings?.track_clicks ?? true,
		createdAt: now,
		updatedAt: now,
	});
	if (input.topic_id) await setCampaignTopic(createDb(d1), id, input.topic_id);
	await saveAbFields(createDb(d1), id, ab);
	return getCampaign(d1, actor.workspaceId, id);
}

/** Only drafts and scheduled campaigns change; what is sending or sent is history. */
export async function updateCampaign(
	d1: D1Database,
	actor: Principal,
	id: string,
	patch: CampaignFields,
	policy: SenderPolicy = senderPolicy(),
) {
	const row = await findCampaign(d1, actor.workspaceId, id);
	if (row.status !== "draft" && row.status !== "scheduled") {
		throw new ApiError("conflict", `A ${row.status} campaign cannot be edited`);
	}
	checkSenderName(patch);
	await checkReferences(d1, actor.workspaceId, patch);
	if (patch.from_email) await assertSenderAllowed(d1, actor.workspaceId, patch.from_email, "from_email", policy);
	const ab = await checkAbFields(createDb(d1), actor.workspaceId, id, patch);
	await updateEditableCampaign(createDb(d1), id, {
		name: patch.name ?? row.name,
		segmentId: patch.audience ? (patch.audience.segment_id ?? null) : row.segmentId,
		templateId: patch.template_id ?? row.templateId,
		fromEmail: patch.from_email ?? row.fromEmail,
		fromName: patch.from_name ?? row.fromName,
		replyTo: patch.reply_to === undefined ? row.replyTo : patch.reply_to,
		trackOpens: patch.settings ? patch.settings.track_opens : row.trackOpens,
		trackClicks: patch.settings ? patch.settings.track_clicks : row.trackClicks,
		updatedAt: new Date(),
	});
	if (patch.topic_id !== undefined) await setCampaignTopic(createDb(d1), id, patch.topic_id);
	await saveAbFields(createDb(d1), id, ab);
	return getCampaign(d1, actor.workspaceId, id);
}

export async function deleteCampaign(d1: D1Database, actor: Principal, id: string) {
	const row = await findCampaign(d1, actor.workspaceId, id);
	if (row.status !== "draft" && row.status !== "scheduled" && row.status !== "cancelled") {
		throw new ApiError("conflict", `A ${row.status} campaign cannot be deleted; its log is kept`);
	}
	await deleteCampaignRow(createDb(d1), actor.workspaceId, id);
}
