import { attributeKey, type ContactColumn, columnByName, normalizeHeader } from "../../contracts/import-columns";
import { IMPORT_LIMITS } from "./limits";

export { attributeKey, type ContactColumn, normalizeHeader };

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
			: ((choice as ContactColumn | undefined) ?? columnByName(header));
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
