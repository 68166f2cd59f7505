import { CONTACT_LIMITS } from "../../contracts/contacts";
import type { RowResult } from "./rows";

/** Adds the import's own tags to a good row; a row that would pass the per-contact tag limit is reported instead. */
export function withImportTags(result: RowResult, tags: readonly string[]): RowResult {
	if (!result.ok || tags.length === 0) return result;
	const merged = [...new Set([...result.contact.tags, ...tags])];
	if (merged.length > CONTACT_LIMITS.tags)
		return {
			ok: false,
			email: result.contact.email,
			reason: `Row has ${merged.length} tags with the import's tags; the limit is ${CONTACT_LIMITS.tags} per contact`,
		};
	return { ok: true, contact: { ...result.contact, tags: merged } };
}
