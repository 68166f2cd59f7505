import { describe, expect, it } from "vitest";
import { call, signupOwner } from "./client";
import { contactsOf, importCsv } from "./import-helpers";

describe("CSV import: files as marketers really have them", () => {
	it("imports a Mailchimp export with BOM, CRLF, quoted commas, quotes and newlines, and non-Latin names", async () => {
		const { cookie, workspace } = await signupOwner();
		const csv =
			"\uFEFFEmail Address,First Name,Last Name,TAGS,City,Notes\r\n" +
			'zoe@example.com,Zoë,"O\'Brien, Jr.","vip;news",Dublin,"She said ""hi""\r\non two lines"\r\n' +
			"yuki@example.jp,由紀,山田,,東京,\r\n" +
			"olga@example.ru,Ольга,Петрова,news,Москва,\r\n";
		const { status, result } = await importCsv(cookie, csv);
		expect(status).toBe(202);
		expect(result).toMatchObject({
			status: "completed",
			total_rows: 3,
			processed_rows: 3,
			created: 3,
			updated: 0,
			error_count: 0,
			errors: [],
		});
		const rows = await contactsOf(workspace.id);
		expect(rows.map((r) => [r.email, r.first_name, r.last_name])).toEqual([
			["olga@example.ru", "Ольга", "Петрова"],
			["yuki@example.jp", "由紀", "山田"],
			["zoe@example.com", "Zoë", "O'Brien, Jr."],
		]);
		expect(JSON.parse(rows[2]?.attributes ?? "{}")).toEqual({ city: "Dublin", notes: 'She said "hi"\non two lines' });
		const zoe = await call("GET", "/api/v1/contacts?q=zoe", undefined, { cookie });
		expect(zoe.json.data[0].tags).toEqual(["news", "vip"]);
		expect(zoe.json.data[0].consent.source).toBe("import");
	});

	it("reads ;-delimited files (European Excel) with LF endings", async () => {
		const { cookie, workspace } = await signupOwner();
		const { result } = await importCsv(cookie, "E-Mail;Vorname;Stadt\nmax@example.de;Max;Köln\n");
		expect(result.created).toBe(1);
		expect((await contactsOf(workspace.id))[0]).toMatchObject({ email: "max@example.de", first_name: "Max" });
	});

	it("reports every bad row with its line and reason, and imports every good row", async () => {
		const { cookie, workspace } = await signupOwner();
		const csv = [
			"email,first_name,last_name,city,plan",
			"good1@example.com,A,One,Berlin,pro",
			"short@example.com,B,Two", // 3 columns in a 5-column file
			"not-an-email,C,Three,Paris,free",
			"good2@example.com,D,Four,Rome,free",
			"GOOD1@example.com,E,Dup,Oslo,pro", // duplicate of line 2
			"",
			"good3@example.com,F,Five,Lima,free",
		].join("\n");
		const { result } = await importCsv(cookie, csv);
		expect(result).toMatchObject({ status: "completed", created: 3, error_count: 3, processed_rows: 6 });
		expect(result.errors).toEqual([
			{ line: 3, email: "short@example.com", reason: "Row has 3 columns; the header has 5" },
			{ line: 4, email: "not-an-email", reason: '"not-an-email" has no @' },
			{ line: 6, email: "good1@example.com", reason: "Duplicate of line 2; the first row was imported" },
		]);
		expect((await contactsOf(workspace.id)).map((r) => r.email)).toEqual([
			"good1@example.com",
			"good2@example.com",
			"good3@example.com",
		]);
		const first = (await contactsOf(workspace.id))[0];
		expect(first?.first_name).toBe("A");

		const report = await call("GET", `/api/v1/imports/${result.id}/errors.csv`, undefined, { cookie });
		expect(report.headers.get("content-type")).toMatch(/text\/csv/);
		expect(report.text.split("\r\n")).toEqual([
			'line,email,reason,"email","first_name","last_name","city","plan"',
			'"3","short@example.com","Row has 3 columns; the header has 5","short@example.com","B","Two","",""',
			'"4","not-an-email","""not-an-email"" has no @","not-an-email","C","Three","Paris","free"',
			'"6","good1@example.com","Duplicate of line 2; the first row was imported","GOOD1@example.com","E","Dup","Oslo","pro"',
		]);
	});

	it("changes nothing when the same file is imported again", async () => {
		const { cookie, workspace } = await signupOwner();
		const csv = "email,first_name,tags,score\na@example.com,Ann,x;y,10\nb@example.com,Ben,,7\n";
		const first = await importCsv(cookie, csv);
		const before = await contactsOf(workspace.id);
		const second = await importCsv(cookie, csv);
		expect(first.result).toMatchObject({ created: 2, updated: 0, skipped: 0 });
		expect(second.result).toMatchObject({ created: 0, updated: 0, skipped: 2, error_count: 0 });
		expect(await contactsOf(workspace.id)).toEqual(before);
	});

	it("never resubscribes a suppressed address and never re-creates an erased one", async () => {
		const { cookie, workspace } = await signupOwner();
		await call("POST", "/api/v1/contacts", { email: "unsub@example.com", status: "unsubscribed" }, { cookie });
		const erased = await call("POST", "/api/v1/contacts", { email: "erased@example.com" }, { cookie });
		await call("DELETE", `/api/v1/contacts/${erased.json.id}`, undefined, { cookie });
		const csv =
			"email,status,city\nunsub@example.com,subscribed,Oslo\nerased@example.com,,Rome\nnew@example.com,,Nice\n";
		const { result } = await importCsv(cookie, csv);
		expect(result).toMatchObject({ created: 1, suppressed: 2, error_count: 0 });
		const rows = await contactsOf(workspace.id);
		expect(rows.map((r) => [r.email, r.status])).toEqual([
			["new@example.com", "subscribed"],
			["unsub@example.com", "unsubscribed"],
		]);
	});

	it("applies unsubscribes listed in the file and suppresses them", async () => {
		const { cookie } = await signupOwner();
		await call("POST", "/api/v1/contacts", { email: "leaving@example.com" }, { cookie });
		const { result } = await importCsv(cookie, "email,status\nleaving@example.com,unsubscribed\n");
		expect(result).toMatchObject({ updated: 1 });
		const list = await call("GET", "/api/v1/contacts?status=unsubscribed", undefined, { cookie });
		expect(list.json.data.map((c: { email: string }) => c.email)).toEqual(["leaving@example.com"]);
	});

	it.each([
		["an empty file", "", /empty/],
		["a header-only blank file", "\r\n\r\n", /empty/],
		["a file with no email column", "name,phone\nAnn,123\n", /No email column.*"name", "phone"/],
	])("refuses %s with 422 and imports nothing", async (_, csv, reason) => {
		const { cookie, workspace } = await signupOwner();
		const { status, error } = await importCsv(cookie, csv);
		expect(status).toBe(422);
		expect(error?.message).toMatch(reason);
		expect(error?.issues?.[0]?.path).toBe("file");
		expect(await contactsOf(workspace.id)).toEqual([]);
	});

	it("refuses a binary file (a PNG renamed .csv) with 422", async () => {
		const { cookie } = await signupOwner();
		const png = new Uint8Array([
			0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xd8,
		]);
		const { status, error } = await importCsv(cookie, png);
		expect(status).toBe(422);
		expect(error?.message).toMatch(/not UTF-8|binary/);
	});

	it("accepts a multipart upload with the field `file`", async () => {
		const { cookie } = await signupOwner();
		const form = new FormData();
		form.append("file", new File(["email\nm@example.com\n"], "contacts.csv", { type: "text/csv" }));
		const body = new Response(form);
		const res = await importCsv(
			cookie,
			new Uint8Array(await body.arrayBuffer()),
			body.headers.get("content-type") ?? "",
		);
		expect(res.error).toBeUndefined();
		expect(res.result).toMatchObject({ created: 1, file_name: "contacts.csv" });
	});

	it("imports a few thousand rows in steps, with progress reported along the way", async () => {
		const { cookie, workspace } = await signupOwner();
		const rows = Array.from({ length: 2_600 }, (_, i) => `user${i}@example.com,User ${i},${i % 7}`);
		const { result } = await importCsv(cookie, `email,first_name,score\n${rows.join("\n")}\n`);
		expect(result).toMatchObject({ status: "completed", total_rows: 2600, processed_rows: 2600, created: 2600 });
		const count = await call("GET", "/api/v1/contacts?limit=500", undefined, { cookie });
		expect(count.json.data).toHaveLength(500);
		expect((await contactsOf(workspace.id)).length).toBe(2600);
	});
});
