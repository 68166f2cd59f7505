import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { handleScheduled } from "../../worker/scheduled";
import { call, signupOwner } from "../client";

type Entry = {
	id: string;
	action: string;
	actor_id: string | null;
	target_id: string | null;
	target_name?: string | null;
};

const runCron = (at: number) =>
	handleScheduled(
		createScheduledController({ scheduledTime: new Date(at), cron: "*/5 * * * *" }),
		env,
		createExecutionContext(),
	);

describe("audit log", () => {
	let owner: Awaited<ReturnType<typeof signupOwner>>;
	let contacts: string[];
	beforeAll(async () => {
		owner = await signupOwner("Audit Co");
		contacts = [];
		for (const email of ["a@audit.example", "b@audit.example"])
			contacts.push((await call("POST", "/api/v1/contacts", { email }, { cookie: owner.cookie })).json.id);
		await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "tag", ids: contacts, params: { tags: ["=cmd"] } },
			{ cookie: owner.cookie },
		);
		await call("PATCH", "/api/v1/workspace", { name: "Audit Co 2" }, { cookie: owner.cookie });
	});

	const log = async (query: string) => {
		const res = await call("GET", `/api/v1/audit-log?${query}`, undefined, { cookie: owner.cookie });
		expect(res.status, res.text).toBe(200);
		return res.json.data as Entry[];
	};

	it("filters by action (or an action prefix), object, actor and time", async () => {
		expect((await log("action=contact.tagged")).map((e) => e.target_id)).toEqual([...contacts].reverse());
		expect((await log(`target_id=${contacts[0]}`)).map((e) => e.action)).toEqual(["contact.tagged"]);
		// Each entry names its object as it is now (a contact by its address).
		expect((await log("action=contact.tagged")).map((e) => e.target_name)).toEqual([
			"b@audit.example",
			"a@audit.example",
		]);
		expect((await log("action=workspace.")).map((e) => e.action)).toEqual(["workspace.updated"]);
		const mine = await log(`actor_id=${owner.user.id}&target_type=contact`);
		expect(mine).toHaveLength(2);
		expect(await log("actor_id=usr_nobody")).toEqual([]);
		expect(await log(`since=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
		// A date alone is that day's start (UTC).
		const today = new Date().toISOString().slice(0, 10);
		expect((await log(`since=${today}&action=contact.tagged`)).length).toBe(2);
		expect(await log(`until=${today}&action=contact.tagged`)).toEqual([]);
		expect(await log(`until=${new Date(Date.now() - 3_600_000).toISOString()}`)).toEqual([]);
		expect((await log(`since=${new Date(Date.now() - 3_600_000).toISOString()}&action=contact.tagged`)).length).toBe(2);
	});

	it("records creating, editing and deleting campaigns, templates and segments through the API", async () => {
		const { cookie } = await signupOwner("Audited Content");
		await call("PATCH", "/api/v1/workspace", { default_from_email: "hi@audited.example" }, { cookie });
		const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>x</p>" }, { cookie });
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "S", definition: { all: [{ tag: "a" }] } },
			{ cookie },
		);
		const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, { cookie });
		await call("PATCH", `/api/v1/campaigns/${campaign.json.id}`, { name: "C2" }, { cookie });
		await call("PATCH", `/api/v1/templates/${template.json.id}`, { name: "T2" }, { cookie });
		await call("PATCH", `/api/v1/segments/${segment.json.id}`, { name: "S2" }, { cookie });
		const named = (await call("GET", `/api/v1/audit-log?target_id=${campaign.json.id}`, undefined, { cookie })).json
			.data as Entry[];
		// The name it has now, on its older entries too.
		expect(named.map((e) => e.target_name)).toEqual(["C2", "C2"]);
		for (const path of ["campaigns", "segments", "templates"]) {
			const id = { campaigns: campaign, segments: segment, templates: template }[path]?.json.id;
			expect((await call("DELETE", `/api/v1/${path}/${id}`, undefined, { cookie })).status).toBe(200);
		}
		const of = async (query: string) =>
			((await call("GET", `/api/v1/audit-log?${query}`, undefined, { cookie })).json.data as Entry[]).map(
				(e) => `${e.action} ${e.target_id}`,
			);
		expect(await of(`target_type=campaign&target_id=${campaign.json.id}`)).toEqual(
			["deleted", "updated", "created"].map((a) => `campaign.${a} ${campaign.json.id}`),
		);
		expect(await of("action=template.")).toEqual(
			["deleted", "updated", "created"].map((a) => `template.${a} ${template.json.id}`),
		);
		expect(await of("action=segment.created")).toEqual([`segment.created ${segment.json.id}`]);
		// Gone, it has no name left: the id stays.
		const gone = (await call("GET", "/api/v1/audit-log?action=template.", undefined, { cookie })).json.data as Entry[];
		expect(gone.map((e) => e.target_name)).toEqual([null, null, null]);
	});

	it("exports the matching entries as CSV, with format=csv or Accept: text/csv", async () => {
		for (const res of [
			await call("GET", "/api/v1/audit-log?format=csv&action=contact.tagged", undefined, { cookie: owner.cookie }),
			await (async () => {
				const r = await exportWithAccept(owner.cookie);
				return { status: r.status, headers: r.headers, text: await r.text() };
			})(),
		]) {
			expect(res.status).toBe(200);
			expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
			const lines = res.text.trim().split("\r\n");
			expect(lines[0]).toBe(
				'"id","created_at","action","actor_type","actor_id","target_type","target_id","ip","metadata"',
			);
			expect(lines).toHaveLength(3);
			expect(lines[1]).toContain(`"contact.tagged","user","${owner.user.id}","contact","${contacts[1]}"`);
			expect(lines[1]).toContain('"{""tags"":[""=cmd""]}"');
		}
	});

	it("deletes entries older than the workspace's retention in the daily cron, and no one else's", async () => {
		const other = await signupOwner("Keeps Everything");
		await call("PATCH", "/api/v1/workspace", { name: "Still here" }, { cookie: other.cookie });
		const refused = await call("PATCH", "/api/v1/workspace", { audit_retention_days: 1 }, { cookie: owner.cookie });
		expect(refused.status).toBe(400);
		expect(
			(await call("PATCH", "/api/v1/workspace", { audit_retention_days: 30 }, { cookie: owner.cookie })).status,
		).toBe(200);
		expect((await call("GET", "/api/v1/audit-log", undefined, { cookie: owner.cookie })).json.retention_days).toBe(30);

		const day = 86_400_000;
		const start = Date.now();
		await runCron(start + 30 * day - 3_600_000);
		expect((await log("action=contact.tagged")).length).toBe(2);
		// The daily part ran two hours ago: the next runs that day leave the log alone.
		await runCron(start + 30 * day + 3_600_000);
		expect((await log("action=contact.tagged")).length).toBe(2);
		await runCron(start + 31 * day);
		const left = await log("limit=500");
		expect(left.map((e) => e.action)).toEqual(["audit.retention_applied"]);
		const theirs = await call("GET", "/api/v1/audit-log?action=workspace.updated", undefined, { cookie: other.cookie });
		expect(theirs.json.data).toHaveLength(1);
	});
});

function exportWithAccept(cookie: string) {
	return import("cloudflare:workers").then(({ exports }) =>
		exports.default.fetch(
			new Request("http://pulse.test/api/v1/audit-log?action=contact.tagged", {
				headers: { cookie, accept: "text/csv" },
			}),
		),
	);
}
