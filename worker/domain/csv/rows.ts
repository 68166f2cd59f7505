import { CONTACT_STATUSES, type ContactStatus } from "../../contracts/contacts";
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

/** Turns one parsed CSV row into a contact, or the reason it cannot be imported. Empty cells leave fields unset. */
export function rowToContact(cells: string[], map: ColumnMap): RowResult {
	const cell = (index: number | undefined) => (index === undefined ? "" : (cells[index] ?? "").trim());
	const rawEmail = cell(map.fields.email);
	if (cells.length !== map.width) {
		return {
			ok: false,
			email: rawEmail || undefined,
			reason: `Row has ${cells.length} column${cells.length === 1 ? "" : "s"}; the header has ${map.width}`,
		};
	}
	const email = normalizeEmail(rawEmail);
	if (!email.ok) return { ok: false, email: rawEmail || undefined, reason: email.reason };

	const statusText = cell(map.fields.status).toLowerCase();
	const status = statusText ? STATUS_ALIASES[statusText] : undefined;
	if (statusText && !status) {
		return {
			ok: false,
			email: email.email,
			reason: `Unknown status "${statusText}"; use one of ${CONTACT_STATUSES.join(", ")}`,
		};
	}
	const attributes: Record<string, string | number | boolean> = {};
	for (const { key, index } of map.attributes) {
		const value = cell(index);
		if (value !== "") attributes[key] = typedValue(value);
	}
	const tags = cell(map.fields.tags)
		.split(/[;,]/)
		.map((t) => t.trim())
		.filter((t) => t !== "" && t.length <= 100);
	const optional = (index: number | undefined) => cell(index).slice(0, 200) || undefined;
	return {
		ok: true,
		contact: {
			email: email.email,
			firstName: optional(map.fields.first_name),
			lastName: optional(map.fields.last_name),
			attributes,
			tags: [...new Set(tags)],
			status,
			timezone: optional(map.fields.timezone),
			locale: optional(map.fields.locale),
		},
	};
}
