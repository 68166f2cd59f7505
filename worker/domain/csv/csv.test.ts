import { describe, expect, it } from "vitest";
import { jsonBatches } from "./batches";
import { attributeKey, mapHeaders } from "./columns";
import { normalizeCsv } from "./normalize";
import { readHeader, readRows } from "./reader";
import { rowToContact, typedValue } from "./rows";
import { countRows, readPage } from "./window";

const encode = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;
const decodeCsv = (bytes: ArrayBuffer) => {
	const normalized = normalizeCsv(bytes);
	return normalized.ok ? { ok: true, text: new TextDecoder().decode(normalized.bytes) } : normalized;
};
const inMemory = (text: string) => {
	const bytes = new TextEncoder().encode(text);
	return { size: bytes.byteLength, read: (offset: number, length: number) => bytes.slice(offset, offset + length) };
};

function readAll(text: string, maxRows = 1000) {
	const header = readHeader(text);
	if (!header.ok) throw new Error(header.reason);
	const rows = [];
	let at = { offset: header.bodyOffset, line: header.bodyLine, delimiter: header.delimiter, maxRows };
	for (;;) {
		const page = readRows(text, at);
		rows.push(...page.rows);
		if (page.done) break;
		at = { ...at, offset: page.offset, line: page.line };
	}
	return { header, rows };
}

describe("CSV reading", () => {
	it("strips a UTF-8 BOM and refuses binary or non-UTF-8 files", () => {
		expect(decodeCsv(encode("\uFEFFemail\na@b.co\n"))).toEqual({ ok: true, text: "email\na@b.co\n" });
		expect(decodeCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff]).buffer).ok).toBe(false);
		expect(decodeCsv(encode("email\u0000x")).ok).toBe(false);
	});

	it("refuses an empty file", () => {
		expect(readHeader("")).toEqual({ ok: false, reason: "The file is empty" });
		expect(readHeader("\r\n\r\n").ok).toBe(false);
	});

	it("reads CRLF and LF, quoted commas, quotes and newlines, with each row's starting line", () => {
		const text =
			'email,name,note\r\na@x.co,"Doe, Jane","She said ""hi"""\r\nb@x.co,Bob,"two\nlines"\r\n\r\nc@x.co,Cy,plain\n';
		const decoded = decodeCsv(encode(text));
		const { rows } = readAll(decoded.ok ? decoded.text : "");
		expect(rows).toEqual([
			{ line: 2, cells: ["a@x.co", "Doe, Jane", 'She said "hi"'] },
			{ line: 3, cells: ["b@x.co", "Bob", "two\nlines"] },
			{ line: 6, cells: ["c@x.co", "Cy", "plain"] },
		]);
	});

	it("detects ; as the delimiter (European Excel)", () => {
		const { header, rows } = readAll("Email;Vorname\nmüller@example.de;Jürgen\n");
		expect(header.ok && header.delimiter).toBe(";");
		expect(rows[0]?.cells).toEqual(["müller@example.de", "Jürgen"]);
	});

	it("resumes exactly where the previous page stopped, however small the pages", () => {
		const lines = Array.from({ length: 25 }, (_, i) => `u${i}@x.co,"line\n${i}"`);
		const text = `email,note\n${lines.join("\n")}\n`;
		const { rows } = readAll(text, 4);
		expect(rows.map((r) => r.cells[0])).toEqual(Array.from({ length: 25 }, (_, i) => `u${i}@x.co`));
		expect(rows.map((r) => r.line)).toEqual(Array.from({ length: 25 }, (_, i) => 2 + 2 * i));
		const header = readHeader(text);
		expect(header.ok && countRows(inMemory(text), { offset: header.bodyOffset, line: 2, delimiter: "," }, 16)).toBe(25);
	});
});

describe("CSV columns", () => {
	it("maps Mailchimp and HubSpot headers, in any case, and keeps other columns as attributes", () => {
		const mailchimp = mapHeaders([
			"Email Address",
			"First Name",
			"Last Name",
			"TAGS",
			"Favorite Color",
			"MEMBER_RATING",
		]);
		expect(mailchimp.ok && mailchimp.map.fields).toEqual({ email: 0, first_name: 1, last_name: 2, tags: 3 });
		expect(mailchimp.ok && mailchimp.map.attributes).toEqual([
			{ key: "favorite_color", index: 4 },
			{ key: "member_rating", index: 5 },
		]);
		const hubspot = mapHeaders(["E-mail", "firstname", "Lastname", "Company Name"]);
		expect(hubspot.ok && hubspot.map.fields).toEqual({ email: 0, first_name: 1, last_name: 2 });
	});

	it("refuses a file without an email column, naming the columns it found", () => {
		const res = mapHeaders(["name", "phone"]);
		expect(res.ok).toBe(false);
		expect(!res.ok && res.reason).toMatch(/No email column.*"name", "phone"/);
	});

	it("makes safe attribute keys", () => {
		expect(attributeKey("Café Préféré")).toBe("cafe_prefere");
		expect(attributeKey("2024 spend")).toBe("col_2024_spend");
	});
});

describe("CSV rows", () => {
	const header = mapHeaders(["email", "first_name", "tags", "status", "city", "age", "vip"]);
	if (!header.ok) throw new Error("header");
	const map = header.map;

	it("builds a contact with typed attributes and ;-separated tags", () => {
		const res = rowToContact([" Ana@Example.COM ", "Ана", "vip; news ;vip", "", "Kyiv", "34", "true"], map);
		expect(res).toEqual({
			ok: true,
			contact: {
				email: "ana@example.com",
				firstName: "Ана",
				lastName: undefined,
				attributes: { city: "Kyiv", age: 34, vip: true },
				tags: ["vip", "news"],
				status: undefined,
				timezone: undefined,
				locale: undefined,
			},
		});
	});

	it("explains a short row, a bad email and an unknown status", () => {
		expect(rowToContact(["a@b.co", "x", "y"], map)).toEqual({
			ok: false,
			email: "a@b.co",
			reason: "Row has 3 columns; the header has 7",
		});
		expect(rowToContact(["nope", "", "", "", "", "", ""], map)).toMatchObject({ ok: false, reason: '"nope" has no @' });
		expect(rowToContact(["a@b.co", "", "", "maybe", "", "", ""], map)).toMatchObject({
			ok: false,
			reason: /Unknown status "maybe"/,
		});
	});

	it("keeps leading-zero codes as text", () => {
		expect(typedValue("01234")).toBe("01234");
		expect(typedValue("12.5")).toBe(12.5);
	});
});

describe("CSV files read a window at a time", () => {
	it("normalizes line endings and keeps characters whole, however the upload is cut into pieces", () => {
		const text = '\uFEFFemail,name\r\nł@x.pl,Łukasz\r\n\r\nz@x.pl,"Zoë\r\nŻ"\r';
		for (const piece of [1, 2, 3, 7, 1024]) {
			const normalized = normalizeCsv(encode(text), piece);
			expect(normalized.ok && new TextDecoder().decode(normalized.bytes)).toBe(
				'email,name\nł@x.pl,Łukasz\n\nz@x.pl,"Zoë\nŻ"\n',
			);
		}
		expect(normalizeCsv(new Uint8Array([0x61, 0xc5]).buffer, 1).ok).toBe(false);
	});

	it("reads the same rows and lines through windows of any size, rows longer than a window included", () => {
		const lines = Array.from({ length: 30 }, (_, i) => `u${i}@x.pl,"Żółć ${"ą".repeat(i * 3)}\nline two",${i}`);
		const text = `${lines.join("\n")}\n`;
		const whole = readRows(text, { offset: 0, line: 2, delimiter: ",", maxRows: 1000 }).rows;
		for (const window of [1, 5, 64, 100_000]) {
			const rows = [];
			let at = { offset: 0, line: 2, delimiter: ",", maxRows: 7 };
			for (;;) {
				const page = readPage(inMemory(text), at, window);
				rows.push(...page.rows);
				if (page.done) break;
				at = { ...at, offset: page.offset, line: page.line };
			}
			expect(rows).toEqual(whole);
		}
	});

	it("splits JSON batches by bytes, keeping every item and its order", () => {
		const items = Array.from({ length: 50 }, (_, i) => ({ i, text: "ż".repeat(i * 10) }));
		const batches = jsonBatches(items, 2_000);
		expect(batches.length).toBeGreaterThan(1);
		for (const batch of batches)
			expect(new TextEncoder().encode(batch).byteLength <= 2_000 || JSON.parse(batch).length === 1).toBe(true);
		expect(batches.flatMap((b) => JSON.parse(b))).toEqual(items);
	});
});
