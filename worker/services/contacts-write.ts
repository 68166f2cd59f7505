import type { Principal } from "../context";
import type { ContactInput, ContactPatch, ContactStatus } from "../contracts/contacts";
import { normalizeEmail } from "../domain/contacts/email";
import { decideStatus, isSuppressedStatus } from "../domain/contacts/status";
import { newId } from "../domain/ids";
import { ApiError, notFound } from "../errors";
import { type ContactRecord, presentContact, tagsOf } from "./contacts-present";

type Write = { actor: Principal; ip: string | null };

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

async function findByEmail(d1: D1Database, workspaceId: string, email: string) {
	return d1
		.prepare("SELECT * FROM contacts WHERE workspace_id = ? AND email = ?")
		.bind(workspaceId, email)
		.first<ContactRecord>();
}

/** Statements that keep the suppression list and the status history in step with a status change. */
function statusStatements(
	d1: D1Database,
	workspaceId: string,
	contact: { id: string; email: string },
	from: ContactStatus | null,
	to: ContactStatus,
	source: string,
) {
	const statements = [
		d1
			.prepare(
				"INSERT INTO contact_status_history (id, workspace_id, contact_id, from_status, to_status, source) VALUES (?, ?, ?, ?, ?, ?)",
			)
			.bind(newId("csh"), workspaceId, contact.id, from, to, source),
	];
	statements.push(
		isSuppressedStatus(to)
			? d1
					.prepare(
						"INSERT INTO suppressions (workspace_id, email, reason) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason",
					)
					.bind(workspaceId, contact.email, to)
			: d1.prepare("DELETE FROM suppressions WHERE workspace_id = ? AND email = ?").bind(workspaceId, contact.email),
	);
	return statements;
}

type Changes = Omit<ContactPatch, "tags"> & { tags?: string[]; tagMode: "add" | "replace" };

/** Applies changes to an existing or new contact in one D1 transaction. */
async function writeContact(
	d1: D1Database,
	write: Write,
	email: string,
	existing: ContactRecord | null,
	changes: Changes,
	source: string,
) {
	const workspaceId = write.actor.workspaceId;
	const suppression = existing
		? null
		: await d1
				.prepare("SELECT reason FROM suppressions WHERE workspace_id = ? AND email = ?")
				.bind(workspaceId, email)
				.first<{ reason: string }>();
	const current = existing?.status ?? (suppression ? (SUPPRESSION_STATUS[suppression.reason] ?? "unsubscribed") : null);
	const decision = decideStatus(current, changes.status, Boolean(changes.consent));
	if (!decision.ok) throw new ApiError("conflict", decision.reason, [{ path: "status", message: decision.reason }]);

	const now = Date.now();
	const id = existing?.id ?? newId("ctc");
	const consent = changes.consent ?? (existing ? null : { source, text: undefined, at: undefined, ip: undefined });
	const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
	const row = {
		first_name: pick(changes.first_name, existing?.first_name ?? null),
		last_name: pick(changes.last_name, existing?.last_name ?? null),
		attributes: JSON.stringify(mergeAttributes(existing ? JSON.parse(existing.attributes) : {}, changes.attributes)),
		timezone: pick(changes.timezone, existing?.timezone ?? null),
		locale: pick(changes.locale, existing?.locale ?? null),
	};
	const statements = [
		existing
			? d1
					.prepare(
						"UPDATE contacts SET first_name = ?, last_name = ?, attributes = ?, timezone = ?, locale = ?, status = ?, updated_at = ? WHERE id = ?",
					)
					.bind(row.first_name, row.last_name, row.attributes, row.timezone, row.locale, decision.status, now, id)
			: d1
					.prepare(
						"INSERT INTO contacts (id, workspace_id, email, first_name, last_name, attributes, timezone, locale, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					)
					.bind(
						id,
						workspaceId,
						email,
						row.first_name,
						row.last_name,
						row.attributes,
						row.timezone,
						row.locale,
						decision.status,
						now,
						now,
					),
	];
	if (consent) {
		statements.push(
			d1
				.prepare(
					"UPDATE contacts SET consent_source = ?, consent_text = ?, consent_at = ?, consent_ip = ? WHERE id = ?",
				)
				.bind(
					consent.source,
					consent.text ?? null,
					consent.at ? Date.parse(consent.at) : now,
					consent.ip ?? write.ip,
					id,
				),
		);
	}
	if (changes.tags && changes.tagMode === "replace")
		statements.push(d1.prepare("DELETE FROM contact_tags WHERE contact_id = ?").bind(id));
	if (changes.tags?.length) {
		statements.push(
			d1
				.prepare(
					"INSERT OR IGNORE INTO contact_tags (workspace_id, contact_id, tag) SELECT ?, ?, value FROM json_each(?)",
				)
				.bind(workspaceId, id, JSON.stringify(changes.tags)),
		);
	}
	if (decision.changed)
		statements.push(
			...statusStatements(d1, workspaceId, { id, email }, existing?.status ?? null, decision.status, source),
		);
	await d1.batch(statements);
	const saved = await d1.prepare("SELECT * FROM contacts WHERE id = ?").bind(id).first<ContactRecord>();
	if (!saved) throw notFound("Contact");
	return presentContact(saved, (await tagsOf(d1, [id])).get(id) ?? []);
}

/** Creates or updates by normalized email: attributes are merged, tags added. */
export async function upsertContact(d1: D1Database, write: Write, input: ContactInput) {
	const email = normalizeEmail(input.email);
	if (!email.ok) throw new ApiError("validation_failed", email.reason, [{ path: "email", message: email.reason }]);
	const existing = await findByEmail(d1, write.actor.workspaceId, email.email);
	const { email: _, tags, ...rest } = input;
	const contact = await writeContact(d1, write, email.email, existing, { ...rest, tags, tagMode: "add" }, "api");
	return { contact, created: !existing };
}

/** Updates one contact: attributes merged (null removes a key), tags replaced when given. */
export async function patchContact(d1: D1Database, write: Write, id: string, patch: ContactPatch) {
	const existing = await d1
		.prepare("SELECT * FROM contacts WHERE id = ? AND workspace_id = ?")
		.bind(id, write.actor.workspaceId)
		.first<ContactRecord>();
	if (!existing) throw notFound("Contact");
	return writeContact(d1, write, existing.email, existing, { ...patch, tagMode: "replace" }, "api");
}

/** GDPR erasure lives in ./erase (it touches every table that may hold a copy of the address). */
export { eraseContact } from "./erase";
