import type { Db } from "./client";
import { contactConsentHistory } from "./schema-consent";

/** Keeps a consent record in the contact's history (the contact row holds only the latest). */
export function recordConsent(
	db: Db,
	entry: { id: string; workspaceId: string; contactId: string; source: string; text: string | null; at: Date },
) {
	return db.insert(contactConsentHistory).values({
		id: entry.id,
		workspaceId: entry.workspaceId,
		contactId: entry.contactId,
		source: entry.source,
		text: entry.text,
		givenAt: entry.at,
	});
}
