import type { AuditEntry, AuditFilter } from "../../lib/api";

/** The audit page's filters as the URL keeps them: dates as `YYYY-MM-DD` (whole UTC days). */
export type AuditParams = {
	actor?: string;
	action?: string;
	type?: string;
	object?: string;
	from?: string;
	to?: string;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayStart = (day: string | undefined) => (day && DAY.test(day) ? `${day}T00:00:00.000Z` : undefined);
function nextDayStart(day: string | undefined): string | undefined {
	const start = dayStart(day);
	if (!start) return undefined;
	return new Date(new Date(start).getTime() + 86_400_000).toISOString();
}

/** The API's filter for the URL's: "from" is the first day included, "to" the last. */
export function auditFilterOf(p: AuditParams): AuditFilter {
	const trim = (v?: string) => v?.trim() || undefined;
	return {
		actor_id: trim(p.actor),
		action: trim(p.action),
		target_type: trim(p.type),
		target_id: trim(p.object),
		since: dayStart(p.from),
		until: nextDayStart(p.to),
	};
}

export const OBJECT_TYPES = [
	"campaign",
	"journey",
	"template",
	"segment",
	"list",
	"contact",
	"workspace",
	"user",
	"invitation",
	"api_key",
	"sending_domain",
	"topic",
	"webhook_endpoint",
	"alert_rule",
];

const PAGES: Record<string, string> = {
	campaign: "/campaigns/",
	journey: "/journeys/",
	template: "/templates/",
	segment: "/segments/",
	list: "/contacts?list=",
	contact: "/contacts/",
};

/** An entry's object in words: its kind and name ("campaign “Spring sale”"), or its id once it is gone. */
export function objectLabel(entry: Pick<AuditEntry, "target_type" | "target_id" | "target_name">): string {
	const kind = (entry.target_type ?? "").replaceAll("_", " ");
	return entry.target_name ? `${kind} “${entry.target_name}”` : `${kind} ${entry.target_id ?? ""}`.trim();
}

/** The dashboard page of an entry's object, when it has one. */
export function objectHref(entry: Pick<AuditEntry, "target_type" | "target_id">): string | undefined {
	const base = entry.target_type ? PAGES[entry.target_type] : undefined;
	return base && entry.target_id ? `${base}${encodeURIComponent(entry.target_id)}` : undefined;
}

/** Who did it, in words: a member's name, "API key …", or "Pulse" for the system. */
export function actorLabel(
	entry: Pick<AuditEntry, "actor_type" | "actor_id">,
	nameOf: (id: string) => string | undefined,
) {
	if (entry.actor_type === "api_key") return `API key ${entry.actor_id ?? ""}`.trim();
	if (!entry.actor_id) return entry.actor_type === "anonymous" ? "Pulse" : entry.actor_type;
	return nameOf(entry.actor_id) ?? entry.actor_id;
}

type MemberLike = { user_id?: string | null; name: string | null; email: string };
/** The name of the member whose user id an entry names (the audit log records users, not memberships). */
export function memberName(members: readonly MemberLike[] | undefined, userId: string): string | undefined {
	const m = members?.find((x) => x.user_id === userId);
	return m ? m.name || m.email : undefined;
}

/** What was done, in the past tense, for the actions the server names by their command ("campaign.send"). */
const DONE: Record<string, string> = {
	send: "sent",
	schedule: "scheduled",
	pause: "paused",
	resume: "resumed",
	cancel: "cancelled",
	activate: "activated",
	archive: "archived",
	create: "created",
	update: "updated",
	delete: "deleted",
	request: "requested",
	expire: "expired",
	approve: "approved",
	reject: "rejected",
	request_changes: "changes requested",
	test_send: "test sent",
	ab_winner: "A/B winner picked",
	task_create: "task added",
	task_update: "task changed",
	task_delete: "task deleted",
	task_done: "task done",
	task_reopen: "task reopened",
};

/** "campaign.archived" → "campaign archived", "journey.activate" → "journey activated"; metadata as short `key: value` pairs. */
export function actionWords(action: string): string {
	const dot = action.indexOf(".");
	const what = action.slice(dot + 1);
	const object = dot < 0 ? "" : `${action.slice(0, dot).replace(/_/g, " ")} `;
	return `${object}${DONE[what] ?? what.replace(/[._]/g, " ")}`;
}
export function metadataText(metadata: AuditEntry["metadata"]): string {
	if (!metadata) return "";
	return Object.entries(metadata)
		.map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
		.join(", ")
		.slice(0, 200);
}
