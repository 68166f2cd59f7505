import { attributeKey, type ContactColumn, columnByName } from "../../../../../worker/contracts/import-columns";

/** How many bytes of the file the preview reads: enough for the header and the first rows. */
export const PREVIEW_BYTES = 64 * 1024;
const DELIMITERS = [",", ";", "\t", "|"];

/** Splits CSV text into rows of cells (quotes, doubled quotes, CRLF), stopping after `maxRows`. */
export function parseRows(text: string, delimiter: string, maxRows: number): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = "";
	let quoted = false;
	let i = 0;
	const endRow = () => {
		row.push(cell);
		if (row.length > 1 || row[0]?.trim() !== "") rows.push(row);
		row = [];
		cell = "";
	};
	while (i < text.length && rows.length < maxRows) {
		const ch = text[i] as string;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"' && cell === "") quoted = true;
		else if (ch === delimiter) {
			row.push(cell);
			cell = "";
		} else if (ch === "\n") endRow();
		else if (ch !== "\r") cell += ch;
		i++;
	}
	if (rows.length < maxRows && (cell !== "" || row.length > 0)) endRow();
	return rows;
}

/** The delimiter that splits the first line into the most columns. */
export function guessDelimiter(text: string): string {
	const first = text.split("\n", 1)[0] ?? "";
	let best = ",";
	let most = 0;
	for (const d of DELIMITERS) {
		const n = parseRows(first, d, 1)[0]?.length ?? 0;
		if (n > most) {
			most = n;
			best = d;
		}
	}
	return best;
}

export type Target = ContactColumn | "attribute" | "skip";

export type CsvPreview = {
	headers: string[];
	/** The first data rows, as many cells as the header (shorter rows padded). */
	rows: string[][];
	/** What each column becomes when nobody changes it (the importer's own rules). */
	guessed: Target[];
};

/** The header, a few rows and the automatic mapping of the start of a CSV file. */
export function previewCsv(text: string, sampleRows = 5): CsvPreview | null {
	const clean = text.replace(/^\uFEFF/, "");
	if (clean.trim() === "") return null;
	const [headers = [], ...rows] = parseRows(clean, guessDelimiter(clean), sampleRows + 1);
	const used = new Set<ContactColumn>();
	const guessed = headers.map((h): Target => {
		const field = columnByName(h);
		if (field && !used.has(field)) {
			used.add(field);
			return field;
		}
		return attributeKey(h) === "col_" ? "skip" : "attribute";
	});
	return { headers, rows: rows.map((r) => headers.map((_, i) => r[i] ?? "")), guessed };
}

/** The mapping the API takes (`{header: choice}`), or undefined when every column keeps its automatic choice. */
export function mappingFor(preview: CsvPreview, chosen: Target[]): Record<string, string> | undefined {
	const changed = preview.headers.some((_, i) => chosen[i] !== preview.guessed[i]);
	if (!changed) return undefined;
	return Object.fromEntries(preview.headers.map((h, i) => [h.trim(), chosen[i] ?? "skip"]));
}

/** What is wrong with a set of choices, if anything (no email column, a field chosen twice). */
export function mappingProblem(headers: string[], chosen: Target[]): string | undefined {
	if (!chosen.includes("email")) return "Choose the column that holds the email address.";
	const fields = chosen.filter((c) => c !== "attribute" && c !== "skip");
	const twice = fields.find((f, i) => fields.indexOf(f) !== i);
	if (twice) return `Two columns are mapped to ${twice.replace("_", " ")}; choose one.`;
	const names = headers.map((h) => h.trim());
	if (new Set(names).size !== names.length) return "Two columns have the same header; rename one in the file.";
	return undefined;
}

/** Reads the start of a file and previews it. */
export async function previewFile(file: File): Promise<CsvPreview | null> {
	const text = await file.slice(0, PREVIEW_BYTES).text();
	return previewCsv(file.size > PREVIEW_BYTES ? text.slice(0, text.lastIndexOf("\n") + 1) || text : text);
}
