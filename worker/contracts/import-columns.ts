/**
 * How CSV headers map to contact fields, shared by the importer and the dashboard's column-mapping preview.
 */

/** Contact fields a CSV column can fill; every other column becomes an attribute. */
export type ContactColumn = "email" | "first_name" | "last_name" | "tags" | "status" | "timezone" | "locale";

// Header names as Mailchimp, HubSpot, Brevo and spreadsheets export them, after normalizeHeader().
export const ALIASES: Record<ContactColumn, string[]> = {
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

const LOOKUP = new Map<string, ContactColumn>(
	Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as ContactColumn] as const)),
);

/** The contact field a header names by itself ("E-mail Address" → email), if any. */
export const columnByName = (header: string): ContactColumn | undefined => LOOKUP.get(normalizeHeader(header));
