import type { BulkItemResult, BulkResource } from "../../lib/api";

export type BulkActionDef = {
	action: string;
	label: string;
	/** Said of the items done ("archived"). */
	done: string;
	/** Asks for tags (tag, untag). */
	tags?: true;
	/** Asks for a static list: one of the workspace's, or ("new") also the name of a new one. */
	list?: "new" | "existing";
	/** Destructive: asks for confirmation first. */
	danger?: boolean;
};

/** The actions offered on each list page (the API's `POST /bulk` actions). */
export const BULK_MENU: Record<BulkResource, BulkActionDef[]> = {
	campaigns: [
		{ action: "pause", label: "Pause", done: "paused" },
		{ action: "resume", label: "Resume", done: "resumed" },
		{ action: "cancel", label: "Cancel", done: "cancelled", danger: true },
		{ action: "archive", label: "Archive", done: "archived" },
		{ action: "tag", label: "Tag…", done: "tagged", tags: true },
		{ action: "delete", label: "Delete drafts", done: "deleted", danger: true },
	],
	contacts: [
		{ action: "tag", label: "Tag…", done: "tagged", tags: true },
		{ action: "untag", label: "Untag…", done: "untagged", tags: true },
		{ action: "add_to_list", label: "Add to list…", done: "added to the list", list: "new" },
		{ action: "remove_from_list", label: "Remove from list…", done: "removed from the list", list: "existing" },
		{ action: "unsubscribe", label: "Unsubscribe", done: "unsubscribed", danger: true },
		{ action: "erase", label: "Erase", done: "erased", danger: true },
	],
	templates: [
		{ action: "archive", label: "Archive", done: "archived" },
		{ action: "unarchive", label: "Unarchive", done: "unarchived" },
		{ action: "delete", label: "Delete", done: "deleted", danger: true },
	],
};

/** "spring, vip ,," → ["spring", "vip"] (each once). */
export function parseTags(text: string): string[] {
	return [
		...new Set(
			text
				.split(",")
				.map((t) => t.trim())
				.filter(Boolean),
		),
	];
}

/** The list chosen for "add to list": an existing one by id, else a new one by its name (the API makes it). */
export type ListChoice = { listId: string; name: string };

/** `params` of an add-to-list call, or undefined when no list is chosen and no name typed. */
export function listParams(choice: ListChoice): { list_id: string } | { list_name: string } | undefined {
	if (choice.listId) return { list_id: choice.listId };
	const name = choice.name.trim();
	return name ? { list_name: name } : undefined;
}

/** The selection after ticking the page's "select all" box: all of the page, or none of it when all were. */
export function toggleAll(selected: ReadonlySet<string>, pageIds: readonly string[]): Set<string> {
	const next = new Set(selected);
	const all = pageIds.length > 0 && pageIds.every((id) => next.has(id));
	for (const id of pageIds) all ? next.delete(id) : next.add(id);
	return next;
}

export function toggleOne(selected: ReadonlySet<string>, id: string): Set<string> {
	const next = new Set(selected);
	next.has(id) ? next.delete(id) : next.add(id);
	return next;
}

/** "2 archived, 1 failed": the headline of a bulk call's results. */
export function summarize(results: readonly BulkItemResult[], verb: string): string {
	const ok = results.filter((r) => r.ok).length;
	const failed = results.length - ok;
	if (failed === 0) return `${ok} ${verb}`;
	if (ok === 0) return `None ${verb}: ${failed} failed`;
	return `${ok} ${verb}, ${failed} failed`;
}

/** Ids that failed keep their selection (to retry or look at); those done leave it. */
export function failedIds(results: readonly BulkItemResult[]): Set<string> {
	return new Set(results.filter((r) => !r.ok).map((r) => r.id));
}
