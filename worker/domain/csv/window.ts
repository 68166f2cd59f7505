import { IMPORT_LIMITS } from "./limits";
import { decodeWindow, utf8Length } from "./normalize";
import { type CsvRow, readRows } from "./reader";

/** A normalized CSV file (UTF-8, `\n` line endings) that can be read a window at a time. */
export type CsvFile = { size: number; read: (offset: number, length: number) => Uint8Array };

export type CsvPage = { rows: CsvRow[]; offset: number; line: number; done: boolean };

/**
 * Reads the next rows from byte `offset`, looking at about `windowBytes` of the file at a time
 * (more when one row is longer), so a step never holds the whole file in memory.
 */
export function readPage(
	file: CsvFile,
	from: { offset: number; line: number; delimiter: string; maxRows: number },
	windowBytes: number = IMPORT_LIMITS.stepBytes,
): CsvPage {
	for (let length = windowBytes; ; length *= 2) {
		const endOfFile = from.offset + length >= file.size;
		const text = decodeWindow(file.read(from.offset, length), endOfFile);
		const page = readRows(text, { ...from, offset: 0, complete: endOfFile });
		if (page.rows.length > 0 || page.offset > 0 || endOfFile) {
			return {
				rows: page.rows,
				offset: from.offset + utf8Length(text.slice(0, page.offset)),
				line: page.line,
				done: endOfFile && page.done,
			};
		}
	}
}

/** Counts the data rows from `offset` to the end, a window at a time. */
export function countRows(
	file: CsvFile,
	from: { offset: number; line: number; delimiter: string },
	windowBytes: number = IMPORT_LIMITS.stepBytes,
): number {
	let count = 0;
	let at = { ...from, maxRows: Number.POSITIVE_INFINITY };
	for (;;) {
		const page = readPage(file, at, windowBytes);
		count += page.rows.length;
		if (page.done) return count;
		at = { ...at, offset: page.offset, line: page.line };
	}
}
