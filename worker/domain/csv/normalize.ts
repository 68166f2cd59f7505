const encoder = new TextEncoder();

/** UTF-8 size of a string without keeping the encoded bytes around longer than needed. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				bytes += 4;
				i++;
			} else bytes += 3;
		} else bytes += 3;
	}
	return bytes;
}

export type NormalizedCsv = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * Checks an upload is UTF-8 text (with or without BOM) and returns it as UTF-8 bytes with one
 * line-ending convention (`\n`), so files that mix CRLF and LF still parse. Works piece by piece
 * and in place (the result only ever shrinks), so a large file is neither copied nor held as
 * one (up to twice as large) JS string. The upload's buffer is overwritten.
 */
export function normalizeCsv(upload: ArrayBuffer, pieceBytes = 1024 * 1024): NormalizedCsv {
	const input = new Uint8Array(upload);
	const output = input;
	const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
	let written = 0;
	let carry = "";
	for (let at = 0; at < input.byteLength || at === 0; at += pieceBytes) {
		const last = at + pieceBytes >= input.byteLength;
		let text: string;
		try {
			text = carry + decoder.decode(input.subarray(at, at + pieceBytes), { stream: !last });
		} catch {
			return { ok: false, reason: 'The file is not UTF-8 text. Export it as "CSV UTF-8" and try again' };
		}
		if (text.includes("\u0000")) return { ok: false, reason: "The file looks binary, not CSV" };
		// A CR at the end of a piece may be the first half of a CRLF: keep it for the next piece.
		carry = !last && text.endsWith("\r") ? "\r" : "";
		if (carry) text = text.slice(0, -1);
		const { written: n } = encoder.encodeInto(text.replace(/\r\n?/g, "\n"), output.subarray(written));
		written += n;
		if (last) break;
	}
	return { ok: true, bytes: output.subarray(0, written) };
}

/**
 * Decodes a window of a normalized file. Unless the window reaches the end of the file, a
 * character cut at the window's end is left for the next window.
 */
export function decodeWindow(bytes: Uint8Array, endOfFile: boolean): string {
	return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes, { stream: !endOfFile });
}
