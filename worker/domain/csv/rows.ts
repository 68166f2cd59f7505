import { CONTACT_LIMITS, CONTACT_STATUSES, type ContactStatus } from "../../contracts/contacts";
import { jsonBytes, MAX_ATTRIBUTES_BYTES, sizeText } from "../../contracts/limits";
import { normalizeEmail } from "../contacts/email";
import type { ColumnMap } from "./columns";

export type ImportedContact = {
	email: string;
	firstName?: string;
	lastName?: string;
	attributes: Record<string, string | number | boolean>;
	tags: string[];
	status?: ContactStatus;
	timezone?: string;
	locale?: string;
};

export type RowResult = { ok: true; contact: ImportedContact } | { ok: false; email?: string; reason: string };

/** Numbers and booleans typed in a spreadsheet stay comparable in segments (`gt`, `eq true`). */
export function typedValue(cell: string): string | number | boolean {
	if (/^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(cell)) return Number(cell);
	const lower = cell.toLowerCase();
	if (lower === "true") return true;
	if (lower === "false") return false;
	return cell;
}

const STATUS_ALIASES: Record<string, ContactStatus> = {
	subscribed: "subscribed",
	unsubscribed: "unsubscribed",
	bounced: "bounced",
	complained: "complained",
	cleaned: "bounced",
	"opted out": "unsubscribed",
};

/** Cell text quoted in an error report, cut short so a huge cell never makes a huge report. */
export const excerpt = (text: string, max = 50) => (text.length > max ? `${text.slice(0, max)}…` : text);

const n = (count: number) => count.toLocaleString("en-US");

/** Turns one parsed CSV row into a contact, or the reason it cannot be imported. Empty cells leave fields unset. */
export function rowToContact(cells: string[], map: ColumnMap): RowResult {
	const cell = (index: number | undefined) => (index === undefined ? "" : (cells[index] ?? "").trim());
	const rawEmail = cell(map.fields.email);
	const reportedEmail = rawEmail ? excerpt(rawEmail, CONTACT_LIMITS.email) : undefined;
	if (cells.length !== map.width) {
		return {
			ok: false,
			email: reportedEmail,
			reason: `Row has ${n(cells.length)} column${cells.length === 1 ? "" : "s"}; the header has ${map.width}`,
		};
	}
	const email = normalizeEmail(rawEmail);
	if (!email.ok) return { ok: false, email: reportedEmail, reason: email.reason };
	const refuse = (reason: string): RowResult => ({ ok: false, email: email.email, reason });

	const statusText = cell(map.fields.status).toLowerCase();
	const status = statusText ? STATUS_ALIASES[statusText] : undefined;
	if (statusText && !status)
		return refuse(`Unknown status "${excerpt(statusText)}"; use one of ${CONTACT_STATUSES.join(", ")}`);

	// The same per-contact limits as the API (worker/contracts/contacts.ts).
	const fields = [
		["first_name", map.fields.first_name, CONTACT_LIMITS.name],
		["last_name", map.fields.last_name, CONTACT_LIMITS.name],
		["timezone", map.fields.timezone, CONTACT_LIMITS.timezone],
		["locale", map.fields.locale, CONTACT_LIMITS.locale],
	] as const;
	for (const [name, index, max] of fields) {
		const length = cell(index).length;
		if (length > max) return refuse(`${name} has ${n(length)} characters; the limit is ${n(max)}`);
	}
	const attributes: Record<string, string | number | boolean> = {};
	let attributeCount = 0;
	for (const { key, index } of map.attributes) {
		const value = cell(index);
		if (value === "") continue;
		if (value.length > CONTACT_LIMITS.attributeValue)
			return refuse(
				`Attribute "${key}" has ${n(value.length)} characters; the limit is ${n(CONTACT_LIMITS.attributeValue)} per value`,
			);
		attributes[key] = typedValue(value);
		attributeCount++;
	}
	if (attributeCount > CONTACT_LIMITS.attributes)
		return refuse(`Row has ${n(attributeCount)} attributes; the limit is ${CONTACT_LIMITS.attributes} per contact`);
	const tags = [
		...new Set(
			cell(map.fields.tags)
				.split(/[;,]/)
				.map((t) => t.trim())
				.filter((t) => t !== ""),
		),
	];
	const longTag = tags.find((t) => t.length > CONTACT_LIMITS.tag);
	if (longTag !== undefined)
		return refuse(
			`Tag "${excerpt(longTag)}" has ${n(longTag.length)} characters; the limit is ${CONTACT_LIMITS.tag} per tag`,
		);
	if (tags.length > CONTACT_LIMITS.tags)
		return refuse(`Row has ${n(tags.length)} tags; the limit is ${CONTACT_LIMITS.tags} per contact`);
	const size = jsonBytes(attributes);
	if (size > MAX_ATTRIBUTES_BYTES)
		return refuse(`Attributes take ${sizeText(size)} as JSON; the limit is ${sizeText(MAX_ATTRIBUTES_BYTES)}`);
	const optional = (index: number | undefined) => cell(index) || undefined;
	return {
		ok: true,
		contact: {
			email: email.email,
			firstName: optional(map.fields.first_name),
			lastName: optional(map.fields.last_name),
			attributes,
			tags,
			status,
			timezone: optional(map.fields.timezone),
			locale: optional(map.fields.locale),
		},
	};
}
