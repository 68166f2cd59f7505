import Papa from "papaparse";

export type CsvHeader = { headers: string[]; delimiter: string; bodyOffset: number; bodyLine: number };
export type CsvCheck = ({ ok: true } & CsvHeader) | { ok: false; reason: string };
export type CsvRow = { line: number; cells: string[] };

const DELIMITERS = [",", ";", "\t", "|"];

function countNewlines(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
	return n;
}

/** Reads the header row and guesses the delimiter (`,` `;` tab or `|`). */
export function readHeader(text: string): CsvCheck {
	if (text.trim() === "") return { ok: false, reason: "The file is empty" };
	let headers: string[] = [];
	let delimiter = ",";
	let bodyOffset = 0;
	Papa.parse<string[]>(text, {
		delimitersToGuess: DELIMITERS,
		newline: "\n",
		skipEmptyLines: true,
		step: (result, parser) => {
			headers = result.data;
			delimiter = result.meta.delimiter;
			bodyOffset = result.meta.cursor;
			parser.abort();
		},
	});
	if (headers.every((h) => h.trim() === "")) return { ok: false, reason: "The header row is empty" };
	const bodyLine = 1 + countNewlines(text, 0, bodyOffset);
	return { ok: true, headers, delimiter, bodyOffset, bodyLine };
}

/**
 * Reads up to `maxRows` data rows from `offset`, each with the line it starts on (quoted
 * fields may span lines). Returns where to continue, so a long import resumes exactly.
 * With `complete: false` the text is a window of a longer file: a row that reaches the end
 * of the window may be cut, so it is left for the next window.
 */
export function readRows(
	text: string,
	from: { offset: number; line: number; delimiter: string; maxRows: number; complete?: boolean },
): { rows: CsvRow[]; offset: number; line: number; done: boolean } {
	const rows: CsvRow[] = [];
	const body = text.slice(from.offset);
	let consumed = 0;
	let line = from.line;
	let done = true;
	Papa.parse<string[]>(body, {
		delimiter: from.delimiter,
		newline: "\n",
		step: (result, parser) => {
			if (rows.length >= from.maxRows || (from.complete === false && result.meta.cursor >= body.length)) {
				done = false;
				parser.abort();
				return;
			}
			const start = consumed;
			consumed = result.meta.cursor;
			const blank = result.data.length === 1 && result.data[0]?.trim() === "";
			if (!blank) rows.push({ line, cells: result.data });
			line += countNewlines(body, start, consumed);
		},
	});
	return { rows, offset: from.offset + consumed, line, done };
}
