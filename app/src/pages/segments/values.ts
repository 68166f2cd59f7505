import type { ComparisonOp } from "./model";

/* The text a user types in a rule's value box, and the typed JSON value the API stores. */

const NUMBER = /^-?(0|[1-9]\d{0,14})(\.\d+)?$/;

/**
 * The typed value of what the user wrote, as the CSV import types cells: `42` and `3.5` are numbers,
 * `true`/`false` booleans, anything else text. Quotes force text: `"42"`.
 */
export function typedValue(text: string): string | number | boolean {
	const t = text.trim();
	if (t.length >= 2 && t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
	if (NUMBER.test(t)) return Number(t);
	if (t === "true") return true;
	if (t === "false") return false;
	return t;
}

/** The text that `typedValue` reads back as `value`. */
export function valueText(value: unknown): string {
	if (typeof value === "string")
		return NUMBER.test(value) || value === "true" || value === "false" ? `"${value}"` : value;
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return value === undefined || value === null ? "" : JSON.stringify(value);
}

export const listText = (value: unknown) => (Array.isArray(value) ? value.map(valueText).join(", ") : valueText(value));

/** A whole number as a number; anything else as typed (the API explains what is wrong with it). */
export const wholeNumber = (text: string): number | string =>
	/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : text;

export function comparisonValue(op: ComparisonOp, text: string): unknown {
	if (op === "exists" || op === "not_exists") return undefined;
	if (op === "in")
		return text
			.split(",")
			.map((part) => part.trim())
			.filter((part) => part !== "")
			.map(typedValue);
	if (op === "contains" || op === "starts_with") {
		const t = text.trim();
		return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
	}
	return typedValue(text);
}

/** contains/starts_with always compare text, so their values need no quotes. */
export const valueTextFor = (op: ComparisonOp, value: unknown) =>
	(op === "contains" || op === "starts_with") && typeof value === "string" ? value : valueText(value);
