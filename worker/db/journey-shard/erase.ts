/*
 * An erased contact's rows in a shard (GDPR): the ids stay (counters and history add up), the personal data goes.
 * Entry properties (an event's) are emptied in every enrollment of theirs, with a wait's match value (an entry
 * property); a webhook effect's body (the contact and entry properties) is emptied, and an effect not yet run is
 * cancelled, never run.
 */
export function blankContact(sql: SqlStorage, contactId: string) {
	sql.exec(
		`UPDATE enrollments SET data = json_set(json_remove(data, '$.waiting.matchValue'), '$.entryProperties', json('{}'))
		 WHERE contact_id = ?`,
		contactId,
	);
	cancelEffects(sql, "contact_id = ?", contactId);
}

/** Effects cancelled (and their webhook bodies emptied) where `where` holds; a done or failed one keeps its status. */
export function cancelEffects(sql: SqlStorage, where: "contact_id = ?" | "key = ?", value: string) {
	sql.exec(
		`UPDATE effects SET status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END,
		 payload = CASE WHEN type = 'webhook' THEN json_set(payload, '$.body', json('{}')) ELSE payload END
		 WHERE ${where}`,
		value,
	);
}
