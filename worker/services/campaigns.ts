import type { Principal } from "../context";
import type { CampaignStatus } from "../contracts/campaigns";
import { newId } from "../domain/ids";
import { displayNameProblem } from "../domain/sender";
import { ApiError, notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";
import { assertSenderAllowed, type SenderPolicy, senderPolicy } from "./sending-domains";

export type CampaignRow = {
	id: string;
	workspace_id: string;
	name: string;
	status: CampaignStatus;
	segment_id: string | null;
	template_id: string;
	from_email: string;
	from_name: string;
	reply_to: string | null;
	track_opens: number;
	track_clicks: number;
	send_at: number | null;
	base_url: string | null;
	created_at: number;
	updated_at: number;
	started_at: number | null;
	completed_at: number | null;
};

export type CampaignFields = {
	name?: string;
	audience?: { segment_id?: string | null };
	template_id?: string;
	from_email?: string;
	from_name?: string;
	reply_to?: string | null;
	settings?: { track_opens: boolean; track_clicks: boolean };
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentCampaign(row: CampaignRow, progress = { audience: 0, processed: 0 }) {
	return {
		id: row.id,
		name: row.name,
		status: row.status,
		audience: { segment_id: row.segment_id },
		template_id: row.template_id,
		from_email: row.from_email,
		from_name: row.from_name,
		reply_to: row.reply_to,
		schedule: row.send_at ? { send_at: new Date(row.send_at).toISOString() } : null,
		settings: { track_opens: Boolean(row.track_opens), track_clicks: Boolean(row.track_clicks) },
		progress,
		created_at: iso(row.created_at) ?? "",
		updated_at: iso(row.updated_at) ?? "",
		started_at: iso(row.started_at),
		completed_at: iso(row.completed_at),
	};
}

export async function findCampaign(d1: D1Database, workspaceId: string, id: string) {
	const row = await d1
		.prepare("SELECT * FROM campaigns WHERE id = ? AND workspace_id = ?")
		.bind(id, workspaceId)
		.first<CampaignRow>();
	if (!row) throw notFound("Campaign");
	return row;
}

/** Per-campaign progress from the message log: how many recipients exist and how many are settled. */
export async function progressOf(d1: D1Database, campaignIds: string[]) {
	const { results } = await d1
		.prepare(
			"SELECT campaign_id, count(*) AS audience, sum(status <> 'queued') AS processed FROM messages WHERE campaign_id IN (SELECT value FROM json_each(?)) GROUP BY campaign_id",
		)
		.bind(JSON.stringify(campaignIds))
		.all<{ campaign_id: string; audience: number; processed: number }>();
	return new Map(results.map((r) => [r.campaign_id, { audience: r.audience, processed: r.processed ?? 0 }]));
}

export async function getCampaign(d1: D1Database, workspaceId: string, id: string) {
	const row = await findCampaign(d1, workspaceId, id);
	return presentCampaign(row, (await progressOf(d1, [id])).get(id));
}

export async function listCampaigns(d1: D1Database, workspaceId: string, page: { limit: number; cursor?: string }) {
	const after = startAfter(page, "desc");
	const { results } = await d1
		.prepare("SELECT * FROM campaigns WHERE workspace_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
		.bind(workspaceId, after, page.limit + 1)
		.all<CampaignRow>();
	const progress = await progressOf(
		d1,
		results.map((r) => r.id),
	);
	return pageOf(results, page, (r) => presentCampaign(r, progress.get(r.id)));
}

/** The template and segment must belong to the workspace; the sender defaults to the workspace's. */
async function checkReferences(d1: D1Database, workspaceId: string, fields: CampaignFields) {
	if (fields.template_id) {
		const template = await d1
			.prepare("SELECT id FROM templates WHERE id = ? AND workspace_id = ?")
			.bind(fields.template_id, workspaceId)
			.first();
		if (!template)
			throw new ApiError("validation_failed", "Choose a template of this workspace", [
				{ path: "template_id", message: "Template not found" },
			]);
	}
	const segmentId = fields.audience?.segment_id;
	if (segmentId) {
		const segment = await d1
			.prepare("SELECT id FROM segments WHERE id = ? AND workspace_id = ?")
			.bind(segmentId, workspaceId)
			.first();
		if (!segment)
			throw new ApiError("validation_failed", "Choose a segment of this workspace", [
				{ path: "audience.segment_id", message: "Segment not found" },
			]);
	}
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
	const workspace = await d1
		.prepare("SELECT default_from_email, default_from_name FROM workspaces WHERE id = ?")
		.bind(actor.workspaceId)
		.first<{ default_from_email: string; default_from_name: string }>();
	const fromEmail = input.from_email ?? workspace?.default_from_email ?? "";
	if (!fromEmail) {
		throw new ApiError("validation_failed", "Give a sender address or set a default one in workspace settings", [
			{ path: "from_email", message: "Required" },
		]);
	}
	await assertSenderAllowed(d1, actor.workspaceId, fromEmail, "from_email", policy);
	const id = newId("cmp");
	const now = Date.now();
	await d1
		.prepare(
			`INSERT INTO campaigns (id, workspace_id, name, status, segment_id, template_id, from_email, from_name, reply_to, track_opens, track_clicks, created_at, updated_at)
			 VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		)
		.bind(
			id,
			actor.workspaceId,
			input.name,
			input.audience?.segment_id ?? null,
			input.template_id,
			fromEmail,
			input.from_name ?? workspace?.default_from_name ?? "",
			input.reply_to ?? null,
			(input.settings?.track_opens ?? true) ? 1 : 0,
			(input.settings?.track_clicks ?? true) ? 1 : 0,
			now,
			now,
		)
		.run();
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
	const segmentId = patch.audience ? (patch.audience.segment_id ?? null) : row.segment_id;
	await d1
		.prepare(
			"UPDATE campaigns SET name = ?, segment_id = ?, template_id = ?, from_email = ?, from_name = ?, reply_to = ?, track_opens = ?, track_clicks = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'scheduled')",
		)
		.bind(
			patch.name ?? row.name,
			segmentId,
			patch.template_id ?? row.template_id,
			patch.from_email ?? row.from_email,
			patch.from_name ?? row.from_name,
			patch.reply_to === undefined ? row.reply_to : patch.reply_to,
			patch.settings ? Number(patch.settings.track_opens) : row.track_opens,
			patch.settings ? Number(patch.settings.track_clicks) : row.track_clicks,
			Date.now(),
			id,
		)
		.run();
	return getCampaign(d1, actor.workspaceId, id);
}

export async function deleteCampaign(d1: D1Database, actor: Principal, id: string) {
	const row = await findCampaign(d1, actor.workspaceId, id);
	if (row.status !== "draft" && row.status !== "scheduled" && row.status !== "cancelled") {
		throw new ApiError("conflict", `A ${row.status} campaign cannot be deleted; its log is kept`);
	}
	await d1.prepare("DELETE FROM campaigns WHERE id = ? AND workspace_id = ?").bind(id, actor.workspaceId).run();
}
