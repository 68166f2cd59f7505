import type { Principal } from "../context";
import { createDb, type Db } from "../db/client";
import { deleteContact, type Erasure, findContact, keepSuppressed, redactionPages } from "../db/erase";
import { findMentions } from "../db/erase-mentions";
import { erasedAddress, redactAddress } from "../domain/contacts/erase";
import { notFound } from "../errors";
import { auditInsert } from "./audit";
import { eraseFromJourneys } from "./erase-journeys";

type Write = { actor: Principal; ip: string | null };

/** Rows changed per statement: a contact with years of history is erased in many small steps. */
const PAGE_ROWS = 500;
const PAGE_MENTIONS = 100;

/** Replaces the address in free text, a page at a time, until no row quotes it (or no row changes). */
async function redactMentions(db: Db, erasure: Erasure) {
	for (;;) {
		const rewrites = (await findMentions(db, erasure, PAGE_MENTIONS)).flatMap((m) => {
			const text = redactAddress(m.text, erasure.email, erasure.placeholder);
			return text === m.text ? [] : [m.column.rewrite(m.rowid, text)];
		});
		const [first, ...rest] = rewrites;
		if (!first) return;
		await db.batch([first, ...rest]);
	}
}

/**
 * GDPR erasure. The address goes on the suppression list first (so nothing more is sent while the
 * rest runs) and stays there: it is the only place the address is kept. Then, in bounded pages:
 * the message log and the Outbox keep their rows (campaign stats count them) with the address
 * replaced by a stand-in and subjects and bodies blanked; import reports lose the address; the
 * contact's events, status history and tags are deleted; webhook events about them not yet queued are
 * dropped, and the deliveries recorded for them keep their log lines but not their bodies (one not yet delivered
 * is cancelled; one still in the queue is cancelled when it arrives); free text that quotes the address (click
 * URLs, assistant chats, audit metadata, segment rules) has it replaced. Opens and clicks are kept,
 * under the contact's id that no longer leads anywhere, so stats do not change. In every journey they were in, their
 * enrollments exit (`contact_gone`) and keep no entry properties, and their steps not yet run (a webhook retry, an
 * email) are cancelled and lose the contact data they carried (see erase-journeys.ts). Last, in one batch
 * with a final page of each step (for rows written meanwhile), the contact row goes. Every step
 * can run again, so an erasure cut short is finished by asking again.
 */
export async function eraseContact(env: Env, write: Write, id: string) {
	const db = createDb(env.DB);
	const workspaceId = write.actor.workspaceId;
	const contact = await findContact(db, workspaceId, id);
	if (!contact) throw notFound("Contact");
	const erasure: Erasure = {
		workspaceId,
		contactId: contact.id,
		email: contact.email,
		placeholder: await erasedAddress(contact.id),
	};
	await keepSuppressed(db, erasure);
	for (const page of redactionPages(db, erasure, PAGE_ROWS)) {
		let changed: unknown[];
		do changed = await page;
		while (changed.length === PAGE_ROWS);
	}
	await redactMentions(db, erasure);
	await eraseFromJourneys(env, db, erasure);
	await db.batch([
		...redactionPages(db, erasure, PAGE_ROWS),
		keepSuppressed(db, erasure),
		deleteContact(db, erasure),
		auditInsert(db, {
			workspaceId,
			action: "contact.erased",
			actor: write.actor,
			target: { type: "contact", id },
			ip: write.ip,
		}),
	]);
	// Once more for an entry made meanwhile (the contact is gone now, so none after this): a failure here leaves it
	// to the shard, which exits and blanks an enrollment whose contact is gone when it is next due.
	await eraseFromJourneys(env, db, erasure).catch((error) =>
		console.error(JSON.stringify({ erase_journeys_failed: String(error), contact_id: erasure.contactId })),
	);
}
