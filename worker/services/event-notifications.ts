import type { CampaignStatus } from "../contracts/campaigns";
import { campaignOutcome } from "../db/campaign-outcome";
import { findCampaignRow } from "../db/campaigns";
import { createDb } from "../db/client";
import { findImport } from "../db/imports";
import { importUploaderMember } from "../db/notifications";
import { notify } from "./notify";

/**
 * Tells the team a campaign started sending, completed, or failed: it ended with at least as many recipients
 * failed as sent (resuming after a pause is not a start).
 */
export async function notifyCampaignStatus(
	env: Env,
	workspaceId: string,
	campaignId: string,
	previous: CampaignStatus | null,
	status: CampaignStatus,
) {
	const started = status === "sending" && previous !== "paused" && previous !== "sending";
	if (!started && status !== "completed") return;
	const db = createDb(env.DB);
	const row = await findCampaignRow(db, workspaceId, campaignId).catch(() => undefined);
	const name = row?.name ?? "A campaign";
	const link = `/campaigns/${campaignId}`;
	if (started) {
		const body = `"${name}" started sending.`;
		return notify(
			env,
			workspaceId,
			{ atLeast: "editor" },
			{ kind: "campaign_started", title: `Sending: ${name}`, body, link },
		);
	}
	const outcome = await campaignOutcome(db, campaignId).catch(() => ({ sent: 0, failed: 0, error: null }));
	const failures = `${outcome.failed} recipient${outcome.failed === 1 ? "" : "s"} failed`;
	await notify(
		env,
		workspaceId,
		{ atLeast: "editor" },
		outcome.failed > 0 && outcome.failed >= outcome.sent
			? {
					kind: "campaign_failed",
					title: `Failed: ${name}`,
					body: `"${name}" ended with ${failures} and ${outcome.sent} sent${outcome.error ? ` (${outcome.error.slice(0, 200)})` : ""}.`,
					link,
				}
			: {
					kind: "campaign_completed",
					title: `Sent: ${name}`,
					body: `"${name}" finished sending${outcome.failed > 0 ? ` (${failures})` : ""}.`,
					link,
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
