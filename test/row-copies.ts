import { env } from "cloudflare:workers";

/** A JSON array of `n` elements, for `json_each` to make `n` rows of (their index in `j.key`). */
const times = (n: number) => JSON.stringify(Array(n).fill(0));

/**
 * `n` copies of campaign `id` written straight to D1 in one statement (not `n` API calls): ids `<id>_<i>`, names
 * `<name> <i>`, each sending a minute after the last.
 */
export async function copyCampaign(id: string, n: number) {
	await env.DB.prepare(
		`INSERT INTO campaigns (id, workspace_id, name, status, segment_id, template_id, from_email, from_name, reply_to, send_at)
		 SELECT c.id || '_' || j.key, c.workspace_id, c.name || ' ' || j.key, c.status, c.segment_id, c.template_id,
		        c.from_email, c.from_name, c.reply_to, c.send_at + (j.key + 1) * 60000
		 FROM campaigns c, json_each(?) j WHERE c.id = ?`,
	)
		.bind(times(n), id)
		.run();
}

/** `n` tasks on a campaign's milestone for `assignee` (titled `Task <i>`), with `dueAt` their own due date. */
export async function addTasks(
	id: string,
	n: number,
	milestone: string,
	assignee: string,
	dueAt: number | null = null,
) {
	await env.DB.prepare(
		`INSERT INTO campaign_tasks (id, workspace_id, campaign_id, milestone, title, assignee_id, due_at)
		 SELECT c.id || '_task_' || j.key, c.workspace_id, c.id, ?, 'Task ' || j.key, ?, ?
		 FROM campaigns c, json_each(?) j WHERE c.id = ?`,
	)
		.bind(milestone, assignee, dueAt, times(n), id)
		.run();
}

/**
 * For each of the `n` copies of campaign `id` (see `copyCampaign`), a copy of the campaign's newest review request,
 * open and waiting since `stageSince`.
 */
export async function copyReviewRequest(id: string, n: number, stageSince: number) {
	await env.DB.prepare(
		`INSERT INTO approval_requests (id, workspace_id, target_type, target_id, version_hash, requested_by, stage_since, open)
		 SELECT r.id || '_' || j.key, r.workspace_id, r.target_type, r.target_id || '_' || j.key, r.version_hash,
		        r.requested_by, ?, 1
		 FROM (SELECT * FROM approval_requests WHERE target_id = ? ORDER BY id DESC LIMIT 1) r, json_each(?) j`,
	)
		.bind(stageSince, id, times(n))
		.run();
}
