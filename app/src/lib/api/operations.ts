import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

// ---- search ----
/** `within_days`: only what changed in the last this many days (the date facet). */
export type SearchQuery = { q?: string; type?: SearchType; status?: string; tag?: string; within_days?: string };
export type SearchResult = InferResponseType<typeof api.search.$get, 200>;
export type SearchHit = SearchResult["data"][number];
export type SearchType = SearchHit["type"];
export type SavedSearch = InferResponseType<(typeof api)["saved-searches"]["$get"], 200>["data"][number];

/** One search across campaigns, journeys, templates, segments and contacts, with type and status facets. */
export const searchAll = (query: SearchQuery, limit = 20) =>
	call(api.search.$get({ query: { ...query, limit: String(limit) } }));
export const listSavedSearches = async () => (await call(api["saved-searches"].$get())).data;
export const saveSearch = (name: string, query: SearchQuery) =>
	call(api["saved-searches"].$post({ json: { name, query } }));
export const deleteSavedSearch = (id: string) => call(api["saved-searches"][":id"].$delete({ param: { id } }));

// ---- bulk ----
export type BulkBody = InferRequestType<typeof api.bulk.$post>["json"];
export type BulkResource = BulkBody["resource"];
export type BulkItemResult = InferResponseType<typeof api.bulk.$post, 200>["results"][number];

/** One action on many items: each item's own result (ok, or its error); a failing item never stops the others. */
export const runBulk = async (body: BulkBody) => (await call(api.bulk.$post({ json: body }))).results;

/** The list filters `POST /bulk` takes instead of ids ("every row matching"). */
export type BulkFilter = NonNullable<BulkBody["filter"]>;
/** At most this many items per bulk call (the route's maximum). */
export const BULK_MAX = 500;

/**
 * The rows the resource's list shows with these filters, for "select all matching": up to `BULK_MAX` of them with
 * their names, and whether more match than one bulk call takes.
 */
export async function listMatching(
	resource: BulkResource,
	filter: BulkFilter,
): Promise<{ items: { id: string; name: string }[]; more: boolean }> {
	const query = { ...Object.fromEntries(Object.entries(filter).filter(([, v]) => v)), limit: String(BULK_MAX) };
	const named = <T extends { id: string }>(
		page: { data: T[]; next_cursor: string | null },
		name: (row: T) => string,
	) => ({
		items: page.data.map((row) => ({ id: row.id, name: name(row) })),
		more: page.next_cursor !== null,
	});
	// The query holds only the filters of this resource's list (the page passes its own).
	if (resource === "campaigns") return named(await call(api.campaigns.$get({ query } as never)), (c) => c.name);
	if (resource === "contacts") return named(await call(api.contacts.$get({ query } as never)), (c) => c.email);
	return named(await call(api.templates.$get({ query } as never)), (t) => t.name);
}

// ---- cloning ----
export type ClonePart = "audience" | "content" | "schedule";
export const cloneCampaign = (id: string, json: { name?: string; include: ClonePart[] }) =>
	call(api.campaigns[":id"].clone.$post({ param: { id }, json }));
export const saveCampaignAsTemplate = (id: string, json: { name: string; category?: string | null }) =>
	call(api.campaigns[":id"]["save-as-template"].$post({ param: { id }, json }));
export const cloneTemplate = (id: string, name?: string) =>
	call(api.templates[":id"].clone.$post({ param: { id }, json: name ? { name } : {} }));
export const cloneSegment = (id: string, name?: string) =>
	call(api.segments[":id"].clone.$post({ param: { id }, json: name ? { name } : {} }));
export const cloneJourney = (id: string, name?: string) =>
	call(api.journeys[":id"].clone.$post({ param: { id }, json: name ? { name } : {} }));

// ---- audit log ----
export type AuditFilter = {
	actor_id?: string;
	action?: string;
	target_type?: string;
	target_id?: string;
	since?: string;
	until?: string;
};
export type AuditEntry = {
	id: string;
	action: string;
	actor_type: string;
	actor_id: string | null;
	target_type: string | null;
	target_id: string | null;
	/** The object's name now (a contact's address), null once it is gone. */
	target_name?: string | null;
	ip: string | null;
	metadata: Record<string, unknown> | null;
	created_at: string;
};
/** The route answers JSON or CSV; the dashboard asks for JSON. */
export type AuditPage = { data: AuditEntry[]; next_cursor: string | null; retention_days: number | null };

const defined = (filter: AuditFilter) =>
	Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== "")) as AuditFilter;

/** A page of the audit log (admins), newest first, with the workspace's retention setting. */
export const listAuditLog = (filter: AuditFilter, page: { limit: number; cursor?: string }) =>
	call(
		api["audit-log"].$get({ query: { ...defined(filter), limit: String(page.limit), cursor: page.cursor } }),
	) as unknown as Promise<AuditPage>;

/** The address of every matching entry as CSV (a plain link: the browser downloads it). */
export function auditCsvUrl(filter: AuditFilter): string {
	const query = new URLSearchParams({ ...defined(filter), format: "csv" });
	return `/api/v1/audit-log?${query}`;
}

/** Audit entries older than `days` are deleted by the daily upkeep; null keeps them. */
export const saveAuditRetention = (days: number | null) =>
	call(api.workspace.$patch({ json: { audit_retention_days: days } }));

// ---- health ----
export type HealthDetail = InferResponseType<(typeof api.health)["detail"]["$get"], 200>;
export const getHealthDetail = () => call(api.health.detail.$get());

// ---- alert rules (admins) ----
export type AlertRule = InferResponseType<(typeof api)["alert-rules"]["$get"], 200>["data"][number];
export type AlertRuleInput = InferRequestType<(typeof api)["alert-rules"]["$post"]>["json"];
export type AlertMetric = AlertRule["metric"];
export const listAlertRules = async () => (await call(api["alert-rules"].$get())).data;
export const createAlertRule = (json: AlertRuleInput) => call(api["alert-rules"].$post({ json }));
export const setAlertRuleEnabled = (id: string, enabled: boolean) =>
	call(api["alert-rules"][":id"].$patch({ param: { id }, json: { enabled } }));
export const deleteAlertRule = (id: string) => call(api["alert-rules"][":id"].$delete({ param: { id } }));
