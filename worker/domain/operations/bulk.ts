import { BULK_ACTIONS, type BulkAction, type BulkResource } from "../../contracts/bulk";

/** Actions that need `params.tags`. */
export const TAG_ACTIONS: readonly string[] = ["tag", "untag"];
/** Actions that need a static list (`params.list_id`, or `list_name`). */
export const LIST_ACTIONS: readonly string[] = ["add_to_list", "remove_from_list"];

export function isBulkAction<R extends BulkResource>(resource: R, action: string): action is BulkAction<R> {
	return (BULK_ACTIONS[resource] as readonly string[]).includes(action);
}

/** Each id once, in the order first given. */
export const uniqueIds = (ids: readonly string[]) => [...new Set(ids)];

/** A campaign may be archived once nothing more will be sent (or it never started). */
export const archivableCampaign = (status: string) => ["draft", "completed", "cancelled"].includes(status);

/** Tags after removing some, case as stored. */
export const withoutTags = (current: readonly string[], removed: readonly string[]) =>
	current.filter((t) => !removed.includes(t));
