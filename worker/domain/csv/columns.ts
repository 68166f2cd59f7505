import { IMPORT_LIMITS } from "./limits";

/** Contact fields a CSV column can fill; every other column becomes an attribute. */
export type ContactColumn = "email" | "first_name" | "last_name" | "tags" | "status" | "timezone" | "locale";

// Header names as Mailchimp, HubSpot, Brevo and spreadsheets export them, after normalizeHeader().
const ALIASES: Record<ContactColumn, string[]> = {
	email: ["email", "e mail", "email address", "e mail address", "emailaddress", "mail", "email addr"],
	first_name: [
		"first name",
		"firstname",
		"first",
		"given name",
		"fname",
		"forename",
		"vorname",
		"prénom",
		"prenom",
		"nombre",
	],
	last_name: [
		"last name",
		"lastname",
		"last",
		"surname",
		"family name",
		"lname",
		"nachname",
		"nom",
		"apellido",
		"apellidos",
	],
	tags: ["tags", "tag", "labels"],
	status: ["status", "subscription status", "member status"],
	timezone: ["timezone", "time zone", "tz"],
	locale: ["locale", "language", "lang"],
};

const LOOKUP = new Map<string, ContactColumn>(
	Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as ContactColumn] as const)),
);

export function normalizeHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, "")
		.trim()
		.toLowerCase()
		.replace(/[\s_\-.]+/g, " ")
		.trim();
}

/** A safe attribute key for a free-form column: "Favorite Color" → "favorite_color". */
export function attributeKey(header: string): string {
	const key = normalizeHeader(header)
		.normalize("NFKD")
		.replace(/[\u0300-\u036f]/g, "")
		.replace(/[^a-z0-9]+/g, "_")
		.replace(/^_+|_+$/g, "")
		.slice(0, 64);
	return /^[a-z_]/.test(key) ? key : `col_${key}`;
}

export type ColumnMap = {
	fields: Partial<Record<ContactColumn, number>>;
	attributes: { key: string; index: number }[];
	width: number;
};

export type HeaderCheck = { ok: true; map: ColumnMap } | { ok: false; reason: string };

/** A person's choice for one column: a contact field, an attribute (optionally under another key), or nothing. */
export type ColumnChoice = ContactColumn | "skip" | "attribute" | `attribute:${string}`;

/**
 * Maps a header row to contact fields; the file is refused as a whole without an email column or with too
 * many columns. `choose` may decide a column (the import's column mapping); columns it leaves are mapped by name.
 */
export function mapHeaders(
	headers: string[],
	choose: (header: string) => ColumnChoice | undefined = () => undefined,
): HeaderCheck {
	if (headers.length > IMPORT_LIMITS.columns) {
		return {
			ok: false,
			reason: `The header row has ${headers.length.toLocaleString("en-US")} columns; the limit is ${IMPORT_LIMITS.columns}`,
		};
	}
	const fields: Partial<Record<ContactColumn, number>> = {};
	const attributes: { key: string; index: number }[] = [];
	const usedKeys = new Set<string>();
	headers.forEach((header, index) => {
		const choice = choose(header);
		if (choice === "skip") return;
		const field = choice?.startsWith("attribute")
			? undefined
			: ((choice as ContactColumn | undefined) ?? LOOKUP.get(normalizeHeader(header)));
		if (field && fields[field] === undefined) {
			fields[field] = index;
			return;
		}
		const key = attributeKey(choice?.startsWith("attribute:") ? choice.slice("attribute:".length) : header);
		if (key === "col_" || usedKeys.has(key)) return;
		usedKeys.add(key);
		attributes.push({ key, index });
	});
	if (fields.email === undefined) {
		return {
			ok: false,
			reason: `No email column found. Name one column "email" (found: ${headers.map((h) => `"${h.trim()}"`).join(", ") || "nothing"})`,
		};
	}
	return { ok: true, map: { fields, attributes, width: headers.length } };
}
