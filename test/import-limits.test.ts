import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../worker/app";
import { call, ORIGIN, signupOwner } from "./client";
import { contactsOf, importCsv } from "./import-helpers";

const header = (attributes: number) => ["email", ...Array.from({ length: attributes }, (_, i) => `a${i}`)].join(",");

describe("CSV import: large files and the API's limits", () => {
	it("imports every row of a valid 5 MB file (520 rows of 20 columns of 500 characters)", async () => {
		const { cookie, workspace } = await signupOwner();
		const value = "x".repeat(500);
		const row = Array.from({ length: 19 }, () => value).join(",");
		const rows = Array.from({ length: 520 }, (_, i) => `wide${i}@example.com,${row}`);
		const { result } = await importCsv(cookie, `${header(19)}\n${rows.join("\n")}\n`);
		expect(result).toMatchObject({ status: "completed", processed_rows: 520, created: 520, error_count: 0 });
		const contacts = await contactsOf(workspace.id);
		expect(contacts).toHaveLength(520);
		expect(JSON.parse(contacts[0]?.attributes ?? "{}").a18).toBe(value);
	});

	it("reports a 5 MB cell as a row error naming the limit, and imports the rows around it", async () => {
		const { cookie, workspace } = await signupOwner();
		const csv = `email,notes\nbefore@example.com,short\nhuge@example.com,${"y".repeat(5_000_000)}\nafter@example.com,fine\n`;
		const { result } = await importCsv(cookie, csv);
		expect(result).toMatchObject({ status: "completed", created: 2, error_count: 1 });
		expect(result.errors).toEqual([
			{
				line: 3,
				email: "huge@example.com",
				reason: 'Attribute "notes" has 5,000,000 characters; the limit is 2,000 per value',
			},
		]);
		expect((await contactsOf(workspace.id)).map((c) => c.email)).toEqual(["after@example.com", "before@example.com"]);
	});

	it("applies the API's per-contact limits to every row (attributes, value length, attributes size, names, tags) and imports the rest", async () => {
		const { cookie, workspace } = await signupOwner();
		const columns = `email,first_name,last_name,timezone,locale,tags,${header(120).slice("email,".length)}`;
		const empty = Array.from({ length: 120 }, () => "").join(",");
		const full = Array.from({ length: 120 }, (_, i) => `v${i}`).join(",");
		const some = Array.from({ length: 120 }, (_, i) => (i < 100 ? `v${i}` : "")).join(",");
		const manyTags = Array.from({ length: 101 }, (_, i) => `t${i}`).join(";");
		const csv = [
			columns,
			`ok1@example.com,Ann,Lee,Europe/Oslo,nb-NO,vip,${some}`,
			`attrs@example.com,,,,,,${full}`,
			`value@example.com,,,,,,${"z".repeat(2_001)}${empty}`,
			`first@example.com,${"f".repeat(201)},,,,,${empty}`,
			`last@example.com,,${"l".repeat(201)},,,,${empty}`,
			`tz@example.com,,,${"t".repeat(65)},,,${empty}`,
			`locale@example.com,,,,${"l".repeat(36)},,${empty}`,
			`tag@example.com,,,,,${"g".repeat(101)},${empty}`,
			`tags@example.com,,,,,${manyTags},${empty}`,
			`${"e".repeat(300)}@example.com,,,,,,${empty}`,
			`bulky@example.com,,,,,,${Array.from({ length: 120 }, (_, i) => (i < 20 ? "b".repeat(1_700) : "")).join(",")}`,
			`ok2@example.com,Bob,,,,,${empty}`,
		].join("\n");
		const { result } = await importCsv(cookie, csv);
		expect(result).toMatchObject({ status: "completed", created: 2, error_count: 10 });
		expect(
			result.errors.map((e: { line: number; email: string; reason: string }) => [e.line, e.email, e.reason]),
		).toEqual([
			[3, "attrs@example.com", "Row has 120 attributes; the limit is 100 per contact"],
			[4, "value@example.com", 'Attribute "a0" has 2,001 characters; the limit is 2,000 per value'],
			[5, "first@example.com", "first_name has 201 characters; the limit is 200"],
			[6, "last@example.com", "last_name has 201 characters; the limit is 200"],
			[7, "tz@example.com", "timezone has 65 characters; the limit is 64"],
			[8, "locale@example.com", "locale has 36 characters; the limit is 35"],
			[9, "tag@example.com", `Tag "${"g".repeat(50)}…" has 101 characters; the limit is 100 per tag`],
			[10, "tags@example.com", "Row has 101 tags; the limit is 100 per contact"],
			[11, `${"e".repeat(300)}@example.com`, "Email is longer than 254 characters"],
			[12, "bulky@example.com", "Attributes take 33 KB as JSON; the limit is 32 KB"],
		]);
		expect((await contactsOf(workspace.id)).map((c) => c.email)).toEqual(["ok1@example.com", "ok2@example.com"]);
		const ok1 = (await contactsOf(workspace.id))[0];
		expect(Object.keys(JSON.parse(ok1?.attributes ?? "{}"))).toHaveLength(100);
	});

	it("imports a 17 MiB file with Polish names completely (the file reaches the importer in parts)", async () => {
		const { cookie, workspace } = await signupOwner();
		// Mostly ASCII with a few characters past U+00FF: as one JS string this is ~35 MB, above the 32 MiB RPC limit.
		const notes = Array.from({ length: 9 }, () => "n".repeat(1_990)).join(",");
		const rows = Array.from({ length: 1_000 }, (_, i) => `pl${i}@example.pl,Łukasz,Żółkiewski,${notes}`);
		const csv = `email,first_name,last_name,${Array.from({ length: 9 }, (_, i) => `n${i}`).join(",")}\n${rows.join("\n")}\n`;
		expect(new TextEncoder().encode(csv).byteLength).toBeGreaterThan(17 * 1024 * 1024);
		const { status, result } = await importCsv(cookie, csv);
		expect(status).toBe(202);
		expect(result).toMatchObject({ status: "completed", total_rows: 1000, created: 1000, error_count: 0 });
		const contacts = await contactsOf(workspace.id);
		expect(contacts).toHaveLength(1000);
		expect(contacts[0]).toMatchObject({ first_name: "Łukasz", last_name: "Żółkiewski" });
	}, 60_000);

	it.each([
		["201 columns", `${header(200)}\nx@example.com\n`, "The header row has 201 columns; the limit is 200"],
		["a million columns", `${header(1_000_000)}\n`, /^The header row has more than [\d,]+ columns; the limit is 200$/],
	])("refuses a header row with %s (422 naming the header row and the limit)", async (_, csv, reason) => {
		const { cookie, workspace } = await signupOwner();
		const { status, error } = await importCsv(cookie, csv);
		expect(status).toBe(422);
		expect(error?.message).toMatch(reason);
		expect(error?.issues?.[0]?.path).toBe("file");
		expect(await contactsOf(workspace.id)).toEqual([]);
	});

	it("refuses a file over 50 MB with 413 payload_too_large", async () => {
		const { cookie } = await signupOwner();
		const { status, error } = await importCsv(cookie, `email\n${"a".repeat(50 * 1024 * 1024)}`);
		expect(status).toBe(413);
		expect(error).toMatchObject({ code: "payload_too_large", message: expect.stringMatching(/50 MB/) });
	});

	it("marks the import failed with the reason and answers 503 (not 500) when the file cannot reach the importer", async () => {
		const { cookie } = await signupOwner();
		const unreachable = {
			getByName: () => ({
				receive: async () => Promise.reject(new Error("RPC message too large")),
				start: async () => Promise.reject(new Error("RPC message too large")),
			}),
		} as unknown as Env["IMPORTER"];
		const ctx = createExecutionContext();
		const res = await createApp().fetch(
			new Request(`${ORIGIN}/api/v1/contacts/import`, {
				method: "POST",
				headers: { cookie, origin: ORIGIN, "content-type": "text/csv" },
				body: "email\nann@example.com\n",
			}),
			{ ...env, IMPORTER: unreachable },
			ctx,
		);
		await waitOnExecutionContext(ctx);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(res.status).toBe(503);
		expect(body.error.code).toBe("service_unavailable");
		expect(body.error.message).toMatch(/could not be handed to the importer/);
		const list = await call("GET", "/api/v1/imports", undefined, { cookie });
		expect(list.json.data).toHaveLength(1);
		expect(list.json.data[0]).toMatchObject({
			status: "failed",
			failure: expect.stringMatching(/could not be handed to the importer/),
			created: 0,
		});
		expect(body.error.message).toContain(list.json.data[0].id);
	});
});
