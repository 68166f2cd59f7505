import type { Principal } from "../context";
import type { AuditQuery } from "../contracts/audit";
import { type AuditFilter, auditPageFiltered, deleteAuditBefore } from "../db/audit";
import { targetKey, targetNames } from "../db/audit-names";
import type { Db } from "../db/client";
import { opsSettingsOf, retentionSettings, saveOpsSettings } from "../db/ops-settings";
import { idFloor } from "../domain/ids";
import { csvLine } from "../domain/reports/csv";
import { auditInsert } from "./audit";
import { type PageRequest, pageOf, startAfter } from "./pagination";

const DAY_MS = 86_400_000;
const CSV_MAX_ROWS = 50_000;
const CSV_PAGE = 1_000;
const COLUMNS = ["id", "created_at", "action", "actor_type", "actor_id", "target_type", "target_id", "ip", "metadata"];

function filterOf(q: AuditQuery): AuditFilter {
	return {
		actorId: q.actor_id,
		action: q.action,
		targetType: q.target_type,
		targetId: q.target_id,
		fromId: q.since ? idFloor("aud", Date.parse(q.since)) : undefined,
		untilId: q.until ? idFloor("aud", Date.parse(q.until)) : undefined,
	};
}

type Row = Awaited<ReturnType<typeof auditPageFiltered>>[number];
const present = (r: Row) => ({
	id: r.id,
	action: r.action,
	actor_type: r.actorType,
	actor_id: r.actorId,
	target_type: r.targetType,
	target_id: r.targetId,
	ip: r.ip,
	metadata: r.metadata ?? null,
	created_at: r.createdAt.toISOString(),
});

/** A filtered page of the audit log, newest first, with the workspace's retention setting. */
export async function auditLogPage(db: Db, workspaceId: string, query: AuditQuery & PageRequest) {
	const rows = await auditPageFiltered(db, workspaceId, startAfter(query, "desc"), query.limit + 1, filterOf(query));
	const [settings, names] = await Promise.all([
		opsSettingsOf(db, workspaceId),
		targetNames(
			db,
			workspaceId,
			rows.map((r) => ({ type: r.targetType, id: r.targetId })),
		),
	]);
	const named = (r: Row) => ({
		...present(r),
		target_name: (r.targetType && r.targetId && names.get(targetKey(r.targetType, r.targetId))) || null,
	});
	return { ...pageOf(rows, query, named), retention_days: settings?.auditRetentionDays ?? null };
}

/** Every matching entry (newest first, at most 50,000) as CSV, read a page at a time. */
export function auditLogCsv(db: Db, workspaceId: string, query: AuditQuery): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	const filter = filterOf(query);
	let before = "~";
	let sent = 0;
	return new ReadableStream({
		start(controller) {
			controller.enqueue(encoder.encode(csvLine(COLUMNS)));
		},
		async pull(controller) {
			const rows = await auditPageFiltered(db, workspaceId, before, CSV_PAGE, filter);
			const text = rows
				.map(present)
				.map((e) =>
					csvLine([
						e.id,
						e.created_at,
						e.action,
						e.actor_type,
						e.actor_id,
						e.target_type,
						e.target_id,
						e.ip,
						e.metadata ? JSON.stringify(e.metadata) : "",
					]),
				)
				.join("");
			if (text) controller.enqueue(encoder.encode(text));
			sent += rows.length;
			before = rows.at(-1)?.id ?? before;
			if (rows.length < CSV_PAGE || sent >= CSV_MAX_ROWS) controller.close();
		},
	});
}

export async function setAuditRetention(db: Db, actor: Principal, days: number | null, ip: string | null) {
	await db.batch([
		saveOpsSettings(db, actor.workspaceId, { auditRetentionDays: days }),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "workspace.audit_retention",
			actor,
			target: { type: "workspace", id: actor.workspaceId },
			ip,
			metadata: { days },
		}),
	]);
}

export async function auditRetentionOf(db: Db, workspaceId: string) {
	return (await opsSettingsOf(db, workspaceId))?.auditRetentionDays ?? null;
}

const DELETE_PAGE = 500;
const MAX_PAGES_PER_WORKSPACE = 40;

/**
 * The daily upkeep's retention pass: each workspace's entries older than its retention are deleted a page at a
 * time (a bounded number of pages per run; the rest go the next day), and the pass leaves one entry saying so.
 */
export async function applyAuditRetention(db: Db, now: number) {
	let total = 0;
	for (const { workspaceId, days } of await retentionSettings(db)) {
		if (days === null) continue;
		const before = idFloor("aud", now - days * DAY_MS);
		let deleted = 0;
		for (let page = 0; page < MAX_PAGES_PER_WORKSPACE; page++) {
			const n = await deleteAuditBefore(db, workspaceId, before, DELETE_PAGE);
			deleted += n;
			if (n < DELETE_PAGE) break;
		}
		if (deleted > 0)
			await auditInsert(db, {
				workspaceId,
				action: "audit.retention_applied",
				metadata: { deleted, older_than_days: days },
			});
		total += deleted;
	}
	return total;
}
