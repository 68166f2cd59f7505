import type { CampaignStatus } from "../contracts/campaigns";
import { findCampaignRow } from "../db/campaigns";
import { createDb } from "../db/client";
import { findImport } from "../db/imports";
import { importUploaderMember } from "../db/notifications";
import { notify } from "./notify";

/** Tells the team a campaign started sending or completed (resuming after a pause is not a start). */
export async function notifyCampaignStatus(
	env: Env,
	workspaceId: string,
	campaignId: string,
	previous: CampaignStatus | null,
	status: CampaignStatus,
) {
	const started = status === "sending" && previous !== "paused" && previous !== "sending";
	if (!started && status !== "completed") return;
	const row = await findCampaignRow(createDb(env.DB), workspaceId, campaignId).catch(() => undefined);
	const name = row?.name ?? "A campaign";
	await notify(
		env,
		workspaceId,
		{ atLeast: "editor" },
		started
			? {
					kind: "campaign_started",
					title: `Sending: ${name}`,
					body: `"${name}" started sending.`,
					link: `/campaigns/${campaignId}`,
				}
			: {
					kind: "campaign_completed",
					title: `Sent: ${name}`,
					body: `"${name}" finished sending.`,
					link: `/campaigns/${campaignId}`,
				},
	);
}

/** Tells whoever uploaded an import (else the editors) that it finished, with its counts. */
export async function notifyImportFinished(env: Env, workspaceId: string, importId: string) {
	try {
		await importFinished(env, workspaceId, importId);
	} catch (error) {
		console.error(JSON.stringify({ workspaceId, importId, error: `import notification: ${String(error)}` }));
	}
}

async function importFinished(env: Env, workspaceId: string, importId: string) {
	const db = createDb(env.DB);
	const row = await findImport(db, workspaceId, importId);
	if (!row) return;
	const uploader = await importUploaderMember(db, workspaceId, importId);
	const failed = row.status === "failed";
	await notify(env, workspaceId, uploader ? [uploader] : { atLeast: "editor" }, {
		kind: "import_finished",
		title: failed ? `Import failed: ${row.fileName ?? "CSV"}` : `Import finished: ${row.fileName ?? "CSV"}`,
		body: failed
			? (row.failure ?? "The import stopped")
			: `${row.created} created, ${row.updated} updated, ${row.skipped} skipped, ${row.errorCount} with errors.`,
		link: "/contacts/import",
	});
}
