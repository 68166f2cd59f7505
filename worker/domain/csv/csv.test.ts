import { describe, expect, it } from "vitest";
import { attributeKey, mapHeaders } from "./columns";
import { countRows, decodeCsv, readHeader, readRows } from "./reader";
import { rowToContact, typedValue } from "./rows";

const encode = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

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
		expect(header.ok && countRows(text, { offset: header.bodyOffset, delimiter: header.delimiter })).toBe(25);
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
