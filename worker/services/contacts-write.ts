import type { BatchItem } from "drizzle-orm/batch";
import type { Principal } from "../context";
import type { ContactInput, ContactPatch, ContactStatus } from "../contracts/contacts";
import { createDb, type Db } from "../db/client";
import { recordConsent } from "../db/consent-history";
import {
	addTags,
	type ContactRow,
	clearTags,
	findContactByEmail,
	findContactRow,
	insertContact,
	recordStatusChange,
	setConsent,
	updateContact,
} from "../db/contacts";
import { findSuppression, suppress, unsuppress } from "../db/suppressions";
import { normalizeEmail } from "../domain/contacts/email";
import { decideStatus } from "../domain/contacts/status";
import { newId } from "../domain/ids";
import { ApiError, notFound } from "../errors";
import { contactWriteEvents } from "./contact-outbox";
import { findPresentedContact } from "./contacts-present";
import { type Subscribers, subscribersOf } from "./webhook-enqueue";

type Write = { actor: Principal; ip: string | null };
/** Contacts are written to D1 and every write is told to the workspace's webhook endpoints (WEBHOOKS). */
export type ContactsEnv = Pick<Env, "DB" | "WEBHOOKS">;

const SUPPRESSION_STATUS: Record<string, ContactStatus> = {
	unsubscribed: "unsubscribed",
	erased: "unsubscribed",
	bounced: "bounced",
	complained: "complained",
};

function mergeAttributes(current: Record<string, unknown>, patch: Record<string, unknown> | undefined) {
	const merged: Record<string, unknown> = { ...current };
	for (const [key, value] of Object.entries(patch ?? {})) {
		if (value === null) delete merged[key];
		else merged[key] = value;
	}
	return merged;
}

/** Statements that keep the suppression list and the status history in step with a status change. */
function statusStatements(
	db: Db,
	workspaceId: string,
	contact: { id: string; email: string },
	from: ContactStatus | null,
	to: ContactStatus,
	source: string,
) {
	return [
		recordStatusChange(db, { id: newId("csh"), workspaceId, contactId: contact.id, from, to, source }),
		to === "subscribed" ? unsuppress(db, workspaceId, contact.email) : suppress(db, workspaceId, contact.email, to),
	];
}

type Changes = Omit<ContactPatch, "tags"> & { tags?: string[]; tagMode: "add" | "replace" };

/**
 * Applies changes to an existing or new contact in one D1 transaction, with its webhook events for `endpoints`
 * (kept in the outbox by the same batch, then sent).
 */
async function writeContact(
	env: ContactsEnv,
	write: Write,
	email: string,
	existing: ContactRow | undefined,
	changes: Changes,
	source: string,
	endpoints: Subscribers,
) {
	const db = createDb(env.DB);
	const workspaceId = write.actor.workspaceId;
	const suppression = existing ? undefined : await findSuppression(db, workspaceId, email);
	const current = existing?.status ?? (suppression ? (SUPPRESSION_STATUS[suppression.reason] ?? "unsubscribed") : null);
	const decision = decideStatus(current, changes.status, Boolean(changes.consent));
	if (!decision.ok) throw new ApiError("conflict", decision.reason, [{ path: "status", message: decision.reason }]);

	const now = new Date();
	const id = existing?.id ?? newId("ctc");
	const consent = changes.consent ?? (existing ? null : { source, text: undefined, at: undefined, ip: undefined });
	const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
	const fields = {
		firstName: pick(changes.first_name, existing?.firstName ?? null),
		lastName: pick(changes.last_name, existing?.lastName ?? null),
		attributes: mergeAttributes(existing?.attributes ?? {}, changes.attributes),
		timezone: pick(changes.timezone, existing?.timezone ?? null),
		locale: pick(changes.locale, existing?.locale ?? null),
		status: decision.status,
	};
	const statements: BatchItem<"sqlite">[] = [
		existing
			? updateContact(db, id, { ...fields, at: now })
			: insertContact(db, { ...fields, id, workspaceId, email, at: now }),
	];
	if (consent) {
		const record = {
			source: consent.source,
			text: consent.text ?? null,
			at: consent.at ? new Date(Date.parse(consent.at)) : now,
		};
		statements.push(
			setConsent(db, id, { ...record, ip: consent.ip ?? write.ip }),
			recordConsent(db, { ...record, id: newId("csn"), workspaceId, contactId: id }),
		);
	}
	if (changes.tags && changes.tagMode === "replace") statements.push(clearTags(db, id));
	if (changes.tags?.length) statements.push(addTags(db, workspaceId, id, changes.tags));
	if (decision.changed)
		statements.push(
			...statusStatements(db, workspaceId, { id, email }, existing?.status ?? null, decision.status, source),
		);
	const unsubscribed = decision.changed && decision.status === "unsubscribed";
	const events = contactWriteEvents(
		workspaceId,
		endpoints,
		{ id, email },
		{ created: !existing, unsubscribed, source },
		now,
	);
	const [first, ...rest] = [...statements, ...events.statements(db)];
	if (first) await db.batch([first, ...rest]);
	const contact = await findPresentedContact(db, workspaceId, id);
	if (!contact) throw notFound("Contact");
	await events.send(env, contact);
	return contact;
}

/**
 * Creates or updates by normalized email: attributes are merged, tags added. `source` names where it came from
 * (status history, consent, webhooks). Every path that writes a contact comes through here or `patchContact`,
 * so each write reaches the webhook endpoints (`contact.created`/`contact.updated`, `contact.unsubscribed`).
 */
export async function upsertContact(env: ContactsEnv, write: Write, input: ContactInput, source = "api") {
	const email = normalizeEmail(input.email);
	if (!email.ok) throw new ApiError("validation_failed", email.reason, [{ path: "email", message: email.reason }]);
	const db = createDb(env.DB);
	const [existing, endpoints] = await Promise.all([
		findContactByEmail(db, write.actor.workspaceId, email.email),
		subscribersOf(env, write.actor.workspaceId),
	]);
	const { email: _, tags, ...rest } = input;
	const changes: Changes = { ...rest, tags, tagMode: "add" };
	const contact = await writeContact(env, write, email.email, existing, changes, source, endpoints);
	return { contact, created: !existing };
}

/** Updates one contact: attributes merged (null removes a key), tags replaced when given. */
export async function patchContact(env: ContactsEnv, write: Write, id: string, patch: ContactPatch, source = "api") {
	const db = createDb(env.DB);
	const [existing, endpoints] = await Promise.all([
		findContactRow(db, write.actor.workspaceId, id),
		subscribersOf(env, write.actor.workspaceId),
	]);
	if (!existing) throw notFound("Contact");
	return writeContact(env, write, existing.email, existing, { ...patch, tagMode: "replace" }, source, endpoints);
}

/** GDPR erasure lives in ./erase (it touches every table that may hold a copy of the address). */
export { eraseContact } from "./erase";
