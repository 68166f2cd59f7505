import type { ContactStatus } from "../../contracts/contacts";
import type { ImportedContact, RowResult } from "../csv/rows";
import { isSuppressedStatus } from "./status";

export type ExistingContact = {
	id: string;
	email: string;
	first_name: string | null;
	last_name: string | null;
	attributes: Record<string, unknown>;
	timezone: string | null;
	locale: string | null;
	status: ContactStatus;
	tags: string[];
};

export type ContactWrite = {
	id: string;
	email: string;
	first_name: string | null;
	last_name: string | null;
	/** Written as JSON inside the batch (not as a JSON string in it), so it is encoded once. */
	attributes: Record<string, unknown>;
	timezone: string | null;
	locale: string | null;
	status: ContactStatus;
	line: number;
};

export type ImportPlan = {
	creates: ContactWrite[];
	updates: ContactWrite[];
	/** Contacts whose status changes to a suppressed one (and so join the suppression list). */
	statusChanges: { id: string; email: string; from: ContactStatus | null; to: ContactStatus }[];
	tags: { contact_id: string; tag: string }[];
	errors: { line: number; email: string | null; reason: string }[];
	seen: { email: string; line: number }[];
	counts: { created: number; updated: number; skipped: number; suppressed: number };
};

type Context = {
	existing: Map<string, ExistingContact>;
	/** Addresses on the suppression list that have no contact (e.g. erased): never re-created. */
	suppressedOnly: Set<string>;
	/** Emails read earlier in this file, with their line. */
	seenBefore: Map<string, number>;
	newId: () => string;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Decides what one page of import rows does, given what the database already holds.
 * Idempotent by construction: re-reading the same rows over the result plans no change.
 * Suppressed addresses never become subscribed, and erased ones are not re-created.
 */
export function planImport(rows: { line: number; result: RowResult }[], ctx: Context): ImportPlan {
	const plan: ImportPlan = {
		creates: [],
		updates: [],
		statusChanges: [],
		tags: [],
		errors: [],
		seen: [],
		counts: { created: 0, updated: 0, skipped: 0, suppressed: 0 },
	};
	const seen = new Map(ctx.seenBefore);
	for (const { line, result } of rows) {
		if (!result.ok) {
			plan.errors.push({ line, email: result.email ?? null, reason: result.reason });
			continue;
		}
		const row = result.contact;
		const firstLine = seen.get(row.email);
		if (firstLine !== undefined) {
			plan.errors.push({
				line,
				email: row.email,
				reason: `Duplicate of line ${firstLine}; the first row was imported`,
			});
			continue;
		}
		seen.set(row.email, line);
		plan.seen.push({ email: row.email, line });
		if (ctx.suppressedOnly.has(row.email)) {
			plan.counts.suppressed++;
			continue;
		}
		const current = ctx.existing.get(row.email);
		current ? planUpdate(plan, current, row, line) : planCreate(plan, row, line, ctx.newId());
	}
	return plan;
}

function planCreate(plan: ImportPlan, row: ImportedContact, line: number, id: string) {
	const status = row.status ?? "subscribed";
	plan.creates.push({
		id,
		email: row.email,
		first_name: row.firstName ?? null,
		last_name: row.lastName ?? null,
		attributes: row.attributes,
		timezone: row.timezone ?? null,
		locale: row.locale ?? null,
		status,
		line,
	});
	if (isSuppressedStatus(status)) plan.statusChanges.push({ id, email: row.email, from: null, to: status });
	for (const tag of row.tags) plan.tags.push({ contact_id: id, tag });
	plan.counts.created++;
}

function planUpdate(plan: ImportPlan, current: ExistingContact, row: ImportedContact, line: number) {
	// A file can mark someone unsubscribed or bounced, but never subscribe a suppressed address.
	const status = row.status && isSuppressedStatus(row.status) ? row.status : current.status;
	const next = {
		first_name: row.firstName ?? current.first_name,
		last_name: row.lastName ?? current.last_name,
		attributes: { ...current.attributes, ...row.attributes },
		timezone: row.timezone ?? current.timezone,
		locale: row.locale ?? current.locale,
		status,
	};
	const newTags = row.tags.filter((t) => !current.tags.includes(t));
	const unchanged =
		newTags.length === 0 &&
		sameJson(
			[next.first_name, next.last_name, next.attributes, next.timezone, next.locale, next.status],
			[current.first_name, current.last_name, current.attributes, current.timezone, current.locale, current.status],
		);
	const keptOut = isSuppressedStatus(current.status) && row.status !== current.status;
	if (unchanged) {
		keptOut ? plan.counts.suppressed++ : plan.counts.skipped++;
		return;
	}
	plan.updates.push({
		...next,
		id: current.id,
		email: current.email,
		line,
	});
	if (status !== current.status)
		plan.statusChanges.push({ id: current.id, email: current.email, from: current.status, to: status });
	for (const tag of newTags) plan.tags.push({ contact_id: current.id, tag });
	keptOut ? plan.counts.suppressed++ : plan.counts.updated++;
}
