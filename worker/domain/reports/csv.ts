/**
 * One CSV cell, always quoted. A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, which some
 * spreadsheets strip first) gets a leading `'`, so a spreadsheet shows it as text instead of running a formula.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
	const text = value === null || value === undefined ? "" : String(value);
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return `"${safe.replaceAll('"', '""')}"`;
}

export const csvLine = (cells: readonly (string | number | boolean | null | undefined)[]) =>
	`${cells.map(csvCell).join(",")}\r\n`;
