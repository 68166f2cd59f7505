import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, ORIGIN, signupOwner } from "./client";
import { waitForImport } from "./import-helpers";

/** Uploads as the dashboard does (multipart with its fields) and waits for the import to finish. */
async function upload(cookie: string, csv: string, fields: Record<string, string> = {}, query = "") {
	const form = new FormData();
	form.set("file", new File([csv], "people.csv", { type: "text/csv" }));
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/contacts/import${query}`, {
		method: "POST",
		headers: { cookie, origin: ORIGIN },
		body: form,
	});
	const json = (await res.json()) as { import_id?: string; error?: { code: string; issues: { path: string }[] } };
	return { status: res.status, json, result: json.import_id ? await waitForImport(cookie, json.import_id) : null };
}

const contactRow = (workspaceId: string, email: string) =>
	env.DB.prepare(
		"SELECT id, first_name, attributes, consent_source, consent_text FROM contacts WHERE workspace_id = ? AND email = ?",
	)
		.bind(workspaceId, email)
		.first<{
			id: string;
			first_name: string | null;
			attributes: string;
			consent_source: string;
			consent_text: string;
		}>();

const tagsOf = async (contactId: string) =>
	(
		await env.DB.prepare("SELECT tag FROM contact_tags WHERE contact_id = ? ORDER BY tag").bind(contactId).all<{
			tag: string;
		}>()
	).results.map((r) => r.tag);

describe("import settings: consent, tags and column mapping", () => {
	it("records the uploader's consent confirmation and adds the import's tags to every contact", async () => {
		const { cookie, workspace } = await signupOwner("Consent Co");
		const { status, result } = await upload(cookie, "email,tags\nann@c.example,vip\nbob@c.example,\n", {
			consent: "1",
			tags: "webinar; 2026 ;webinar",
		});
		expect(status).toBe(202);
		expect(result).toMatchObject({ status: "completed", created: 2 });
		const ann = await contactRow(workspace.id, "ann@c.example");
		expect(ann?.consent_source).toBe("import");
		expect(ann?.consent_text).toContain("These people agreed to receive email from us");
		expect(ann?.consent_text).toContain("people.csv");
		expect(await tagsOf(ann?.id ?? "")).toEqual(["2026", "vip", "webinar"]);
		const bob = await contactRow(workspace.id, "bob@c.example");
		expect(await tagsOf(bob?.id ?? "")).toEqual(["2026", "webinar"]);
	});

	it("without the consent box, the consent text says only where the contact came from", async () => {
		const { cookie, workspace } = await signupOwner("No Consent Co");
		await upload(cookie, "email\ncid@c.example\n");
		const cid = await contactRow(workspace.id, "cid@c.example");
		expect(cid?.consent_text).not.toContain("agreed");
		expect(cid?.consent_text).toContain("CSV import of people.csv");
	});

	it("maps columns as chosen: a renamed email column, a skipped column, an attribute under another name", async () => {
		const { cookie, workspace } = await signupOwner("Mapping Co");
		const mapping = JSON.stringify({
			Courriel: "email",
			Prénom: "first_name",
			Notes: "skip",
			Plan: "attribute:plan_name",
		});
		const { result } = await upload(cookie, "Courriel,Prénom,Notes,Plan\ndee@m.example,Dee,secret,pro\n", { mapping });
		expect(result).toMatchObject({ status: "completed", created: 1, error_count: 0 });
		const dee = await contactRow(workspace.id, "dee@m.example");
		expect(dee?.first_name).toBe("Dee");
		expect(JSON.parse(dee?.attributes ?? "{}")).toEqual({ plan_name: "pro" });
	});

	it("refuses a mapping naming a column the file lacks, or a bad choice, before importing anything", async () => {
		const { cookie } = await signupOwner("Bad Mapping Co");
		const missing = await upload(cookie, "email\na@b.example\n", { mapping: JSON.stringify({ Mail: "email" }) });
		expect(missing.status).toBe(422);
		const bad = await upload(cookie, "email\na@b.example\n", { mapping: JSON.stringify({ email: "phone" }) });
		expect(bad.status).toBe(400);
		expect(bad.json.error?.issues[0]?.path).toContain("mapping");
		const tags = await upload(cookie, "email\na@b.example\n", {}, `?tags=${"x".repeat(101)}`);
		expect(tags.status).toBe(400);
	});

	it("takes the settings as query parameters with a text/csv body", async () => {
		const { cookie, workspace } = await signupOwner("Query Co");
		const res = await exports.default.fetch(`${ORIGIN}/api/v1/contacts/import?consent=1&tags=api`, {
			method: "POST",
			headers: { cookie, origin: ORIGIN, "content-type": "text/csv" },
			body: "email\neve@q.example\n",
		});
		expect(res.status).toBe(202);
		await waitForImport(cookie, ((await res.json()) as { import_id: string }).import_id);
		const eve = await contactRow(workspace.id, "eve@q.example");
		expect(eve?.consent_text).toContain("agreed");
		expect(await tagsOf(eve?.id ?? "")).toEqual(["api"]);
	});
});

describe("the error CSV", () => {
	it("gives back each bad row's original columns under the file's header, ready to fix and re-import", async () => {
		const { cookie } = await signupOwner("Errors Co");
		const csv = 'email,first_name,city\nok@e.example,Ok,Paris\nnot-an-email,Nina,"Lyon, FR"\nok@e.example,Again,Nice\n';
		const { result } = await upload(cookie, csv);
		expect(result).toMatchObject({ created: 1, error_count: 2 });
		const res = await call("GET", `/api/v1/imports/${result.id}/errors.csv`, undefined, { cookie });
		expect(res.status).toBe(200);
		const lines = res.text.split("\r\n");
		expect(lines[0]).toBe('line,email,reason,"email","first_name","city"');
		expect(lines[1]?.startsWith('"3","not-an-email",')).toBe(true);
		expect(lines[1]?.endsWith(',"not-an-email","Nina","Lyon, FR"')).toBe(true);
		expect(lines[2]?.startsWith('"4","ok@e.example",')).toBe(true);
		expect(lines[2]?.endsWith(',"ok@e.example","Again","Nice"')).toBe(true);
	});
});
