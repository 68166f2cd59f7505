import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "../client";
import { sendAndComplete } from "../tracking-helpers";

type Setup = Awaited<ReturnType<typeof setup>>;

async function setup() {
	const owner = await signupOwner("Bulk Co");
	const other = await signupOwner("Other Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ default_from_email: "hi@bulk.example", postal_address: "1 Bulk St" },
		{ cookie },
	);
	const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>x</p>" }, { cookie });
	await call("PATCH", "/api/v1/workspace", { default_from_email: "hi@other.example" }, { cookie: other.cookie });
	const theirs = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>x</p>" }, other);
	const campaign = async (name: string, as = cookie) => {
		const template_id = as === cookie ? template.json.id : theirs.json.id;
		const res = await call("POST", "/api/v1/campaigns", { name, template_id }, { cookie: as });
		if (res.status !== 201) throw new Error(res.text);
		return res.json.id as string;
	};
	const contact = async (email: string, as = cookie) =>
		(await call("POST", "/api/v1/contacts", { email, tags: ["old"] }, { cookie: as })).json.id as string;
	return { owner, other, cookie, templateId: template.json.id as string, campaign, contact };
}

const auditOf = async (cookie: string) =>
	(await call("GET", "/api/v1/audit-log?limit=500", undefined, { cookie })).json.data as {
		action: string;
		target_id: string;
		metadata: Record<string, unknown> | null;
	}[];

describe("bulk actions", () => {
	let s: Setup;
	beforeAll(async () => {
		s = await setup();
	});

	it("deletes the drafts among campaigns, reporting each one it refuses, and audits every item", async () => {
		const [a, b] = [await s.campaign("Draft A"), await s.campaign("Draft B")];
		const scheduled = await s.campaign("Scheduled");
		const at = new Date(Date.now() + 86_400_000).toISOString();
		expect(
			(await call("POST", `/api/v1/campaigns/${scheduled}/schedule`, { send_at: at }, { cookie: s.cookie })).status,
		).toBe(200);
		const theirs = await s.campaign("Theirs", s.other.cookie);
		const res = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "campaigns", action: "delete", ids: [a, scheduled, "cmp_nothing", theirs, b] },
			{ cookie: s.cookie },
		);
		expect(res.status).toBe(200);
		expect(res.json.results).toEqual([
			{ id: a, ok: true },
			{ id: scheduled, ok: false, error: { code: "conflict", message: expect.stringContaining("scheduled") } },
			{ id: "cmp_nothing", ok: false, error: { code: "not_found", message: "Campaign not found" } },
			{ id: theirs, ok: false, error: { code: "not_found", message: "Campaign not found" } },
			{ id: b, ok: true },
		]);
		for (const id of [a, b])
			expect((await call("GET", `/api/v1/campaigns/${id}`, undefined, { cookie: s.cookie })).status).toBe(404);
		expect((await call("GET", `/api/v1/campaigns/${scheduled}`, undefined, { cookie: s.cookie })).json.status).toBe(
			"scheduled",
		);
		expect((await call("GET", `/api/v1/campaigns/${theirs}`, undefined, { cookie: s.other.cookie })).status).toBe(200);
		const log = await auditOf(s.cookie);
		for (const id of [a, b]) expect(log.some((e) => e.action === "campaign.deleted" && e.target_id === id)).toBe(true);
		for (const id of [scheduled, "cmp_nothing", theirs])
			expect(
				log.some((e) => e.action === "bulk.refused" && e.target_id === id && e.metadata?.action === "delete"),
			).toBe(true);
	});

	it("tags, pauses and archives campaigns through each campaign's own rules", async () => {
		const draft = await s.campaign("Tag me");
		const tagged = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "campaigns", action: "tag", ids: [draft], params: { tags: ["spring"] } },
			{ cookie: s.cookie },
		);
		expect(tagged.json.results).toEqual([{ id: draft, ok: true }]);
		const paused = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "campaigns", action: "pause", ids: [draft] },
			{ cookie: s.cookie },
		);
		expect(paused.json.results[0]).toMatchObject({ ok: false, error: { code: "conflict" } });
		const archived = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "campaigns", action: "archive", ids: [draft] },
			{ cookie: s.cookie },
		);
		expect(archived.json.results).toEqual([{ id: draft, ok: true }]);
		const log = await auditOf(s.cookie);
		expect(log.some((e) => e.action === "campaign.tagged" && e.target_id === draft)).toBe(true);
		expect(log.some((e) => e.action === "campaign.archived" && e.target_id === draft)).toBe(true);

		// The campaign list leaves archived campaigns out unless asked for.
		const kept = await s.campaign("Kept");
		const ids = async (query: string) =>
			(await call("GET", `/api/v1/campaigns${query}`, undefined, { cookie: s.cookie })).json.data.map(
				(c: { id: string; archived: boolean }) => `${c.id}${c.archived ? ":archived" : ""}`,
			);
		expect(await ids("")).toContain(kept);
		expect(await ids("")).not.toContain(draft);
		expect(await ids("?status=draft")).not.toContain(draft);
		expect(await ids("?status=archived")).toEqual([`${draft}:archived`]);
		expect(await ids("?include_archived=true")).toEqual(expect.arrayContaining([kept, `${draft}:archived`]));
		expect((await call("GET", "/api/v1/campaigns?status=gone", undefined, { cookie: s.cookie })).status).toBe(400);
	});

	it("tags, unsubscribes and erases contacts, each applied or refused alone", async () => {
		const [x, y] = [await s.contact("x@bulk.example"), await s.contact("y@bulk.example")];
		const theirs = await s.contact("z@other.example", s.other.cookie);
		const tag = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "tag", ids: [x, theirs, y], params: { tags: ["vip"] } },
			{ cookie: s.cookie },
		);
		expect(tag.json.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
		expect((await call("GET", `/api/v1/contacts/${y}`, undefined, { cookie: s.cookie })).json.tags).toEqual([
			"old",
			"vip",
		]);
		expect((await call("GET", `/api/v1/contacts/${theirs}`, undefined, { cookie: s.other.cookie })).json.tags).toEqual([
			"old",
		]);
		const untag = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "untag", ids: [x], params: { tags: ["old"] } },
			{ cookie: s.cookie },
		);
		expect(untag.json.results).toEqual([{ id: x, ok: true }]);
		expect((await call("GET", `/api/v1/contacts/${x}`, undefined, { cookie: s.cookie })).json.tags).toEqual(["vip"]);
		const unsub = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "unsubscribe", ids: [x] },
			{ cookie: s.cookie },
		);
		expect(unsub.json.results).toEqual([{ id: x, ok: true }]);
		expect((await call("GET", `/api/v1/contacts/${x}`, undefined, { cookie: s.cookie })).json.status).toBe(
			"unsubscribed",
		);
		const erase = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "erase", ids: [y, theirs] },
			{ cookie: s.cookie },
		);
		expect(erase.json.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
		expect((await call("GET", `/api/v1/contacts/${y}`, undefined, { cookie: s.cookie })).status).toBe(404);
		const log = await auditOf(s.cookie);
		expect(log.some((e) => e.action === "contact.erased" && e.target_id === y)).toBe(true);
		expect(log.filter((e) => e.action === "contact.tagged").map((e) => e.target_id)).toEqual([y, x]);
	});

	it("archives templates and refuses what does not exist: unknown actions, missing tags or list", async () => {
		const tpl = await call(
			"POST",
			"/api/v1/templates",
			{ name: "Old", subject: "S", html: "<p>x</p>" },
			{ cookie: s.cookie },
		);
		const archived = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "templates", action: "archive", ids: [tpl.json.id] },
			{ cookie: s.cookie },
		);
		expect(archived.json.results).toEqual([{ id: tpl.json.id, ok: true }]);
		expect((await call("GET", `/api/v1/templates/${tpl.json.id}`, undefined, { cookie: s.cookie })).json.archived).toBe(
			true,
		);
		const list = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "add_to_list", ids: ["ctc_x"] },
			{ cookie: s.cookie },
		);
		expect(list.status).toBe(400);
		expect(list.error.issues).toEqual([{ path: "params.list_id", message: "Required" }]);
		const wrong = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "templates", action: "pause", ids: ["tpl_x"] },
			{ cookie: s.cookie },
		);
		expect(wrong.status).toBe(400);
		const noTags = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "tag", ids: ["ctc_x"] },
			{ cookie: s.cookie },
		);
		expect(noTags.error.issues).toEqual([{ path: "params.tags", message: "Required" }]);
		const tooMany = Array.from({ length: 501 }, (_, i) => `ctc_${i}`);
		expect(
			(
				await call(
					"POST",
					"/api/v1/bulk",
					{ resource: "contacts", action: "erase", ids: tooMany },
					{ cookie: s.cookie },
				)
			).status,
		).toBe(400);
	});
	it("adds contacts to a static list: exactly those added (a campaign to a segment on it mails only them), a failing id reported, erasure and other workspaces kept out", async () => {
		const as = { cookie: s.cookie };
		const [a, b, c] = [
			await s.contact("a@list.example"),
			await s.contact("b@list.example"),
			await s.contact("c@list.example"),
		];
		const theirs = await s.contact("t@list.example", s.other.cookie);
		const created = await call("POST", "/api/v1/lists", { name: "Webinar", description: "March" }, as);
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ name: "Webinar", description: "March", count: 0 });
		const list = created.json.id as string;
		expect((await call("POST", "/api/v1/lists", { name: "Webinar" }, as)).status).toBe(409);

		// Through the members route: ids of another workspace or unknown ones change nothing.
		const added = await call("POST", `/api/v1/lists/${list}/members`, { contact_ids: [a, theirs, "ctc_nope", a] }, as);
		expect(added.json).toEqual({ changed: 1, not_found: [theirs, "ctc_nope"], count: 1 });
		// Through the bulk action: one failing id is reported, the others are added.
		const bulk = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "add_to_list", ids: [b, theirs, c], params: { list_id: list } },
			as,
		);
		expect(bulk.json.results).toEqual([
			{ id: b, ok: true },
			{ id: theirs, ok: false, error: { code: "not_found", message: "Contact not found" } },
			{ id: c, ok: true },
		]);
		const members = async (query = `list_id=${list}`) =>
			((await call("GET", `/api/v1/contacts?${query}`, undefined, as)).json.data as { id: string }[]).map((r) => r.id);
		expect(await members()).toEqual([c, b, a]);
		expect((await call("GET", `/api/v1/lists/${list}`, undefined, as)).json.count).toBe(3);
		// A segment on the list holds exactly its members (and, with NOT, everyone else).
		const preview = await call("POST", "/api/v1/segments/preview", { definition: { all: [{ list }] } }, as);
		expect(preview.json.count).toBe(3);
		expect(preview.json.sample.map((r: { id: string }) => r.id).sort()).toEqual([a, b, c].sort());
		// A campaign's audience on that segment: the list's members only.
		const segment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "On the list", definition: { all: [{ list }] } },
			as,
		);
		expect(segment.json.count).toBe(3);
		const audience = await call("GET", `/api/v1/audience?segment_id=${segment.json.id}`, undefined, as);
		expect(audience.json).toMatchObject({ total: 3, sendable: 3 });
		const mailing = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "To the list", template_id: s.templateId, audience: { segment_id: segment.json.id } },
			as,
		);
		await sendAndComplete(s.cookie, mailing.json.id);
		const sent = await call("GET", `/api/v1/outbox?campaign_id=${mailing.json.id}`, undefined, as);
		expect(sent.json.data.map((m: { to: string }) => m.to).sort()).toEqual([
			"a@list.example",
			"b@list.example",
			"c@list.example",
		]);

		// By name: the list of that name, or a new one.
		const byName = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "add_to_list", ids: [a], params: { list_name: "Fresh" } },
			as,
		);
		expect(byName.json.results).toEqual([{ id: a, ok: true }]);
		const lists = (await call("GET", "/api/v1/lists", undefined, as)).json.data as { name: string; count: number }[];
		expect(lists.map((l) => [l.name, l.count])).toEqual([
			["Fresh", 1],
			["Webinar", 3],
		]);
		const ofB = await call("GET", `/api/v1/lists?contact_id=${b}`, undefined, as);
		expect(ofB.json.data.map((l: { name: string }) => l.name)).toEqual(["Webinar"]);

		// Taken off, erased: gone from the list; the contacts and the list stay.
		const removed = await call("DELETE", `/api/v1/lists/${list}/members`, { contact_ids: [a] }, as);
		expect(removed.json).toEqual({ changed: 1, not_found: [], count: 2 });
		expect((await call("DELETE", `/api/v1/contacts/${b}`, undefined, as)).status).toBe(200);
		expect(await members()).toEqual([c]);
		const rows = await env.DB.prepare("SELECT count(*) AS n FROM contact_list_members WHERE contact_id = ?")
			.bind(b)
			.first<{ n: number }>();
		expect(rows?.n).toBe(0);

		// Another workspace can neither see, change nor fill the list; a viewer can only read it.
		const other = { cookie: s.other.cookie };
		expect((await call("GET", `/api/v1/lists/${list}`, undefined, other)).status).toBe(404);
		expect((await call("POST", `/api/v1/lists/${list}/members`, { contact_ids: [theirs] }, other)).status).toBe(404);
		const foreign = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "add_to_list", ids: [theirs], params: { list_id: list } },
			other,
		);
		expect(foreign.status).toBe(404);
		const theirSegment = await call(
			"POST",
			"/api/v1/segments",
			{ name: "Not theirs", definition: { all: [{ not: { list } }] } },
			other,
		);
		expect(theirSegment.status).toBe(400);
		expect(theirSegment.error.issues).toEqual([
			{ path: "definition.all.0.not.list", message: "No list of this workspace has this id" },
		]);
		const viewer = await addMember(s.cookie, "viewer");
		expect((await call("GET", `/api/v1/lists/${list}`, undefined, { cookie: viewer.cookie })).status).toBe(200);
		expect(
			(await call("POST", `/api/v1/lists/${list}/members`, { contact_ids: [a] }, { cookie: viewer.cookie })).status,
		).toBe(403);
		expect(await members()).toEqual([c]);

		const log = await auditOf(s.cookie);
		expect(log.filter((e) => e.action === "contact.added_to_list").map((e) => e.target_id)).toEqual([a, c, b]);
		expect(log.some((e) => e.action === "list.members_added" && e.target_id === list)).toBe(true);
		expect(log.some((e) => e.action === "bulk.refused" && e.target_id === theirs)).toBe(true);

		// Off the list in bulk: one not on it and one of another workspace are reported, the other taken off.
		const off = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "remove_from_list", ids: [a, theirs, c], params: { list_id: list } },
			as,
		);
		expect(off.json.results).toEqual([
			{ id: a, ok: false, error: { code: "conflict", message: "Not on this list" } },
			{ id: theirs, ok: false, error: { code: "not_found", message: "Contact not found" } },
			{ id: c, ok: true },
		]);
		expect(await members()).toEqual([]);
		const unknown = { resource: "contacts", action: "remove_from_list", ids: [a], params: { list_name: "Nope" } };
		expect((await call("POST", "/api/v1/bulk", unknown, as)).status).toBe(404);

		expect((await call("DELETE", `/api/v1/lists/${list}`, undefined, as)).status).toBe(200);
		expect((await call("GET", `/api/v1/contacts/${c}`, undefined, as)).status).toBe(200);
	});

	it("finds lists by part of their name in any case, page by page, and renames one (a taken name is a field error)", async () => {
		const as = { cookie: s.cookie };
		const ids: string[] = [];
		for (const name of ["Spring sale A", "Autumn", "spring sale B", "Early SPRING"])
			ids.push((await call("POST", "/api/v1/lists", { name }, as)).json.id);
		const names = (res: { json: { data: { name: string }[] } }) => res.json.data.map((l) => l.name);
		const first = await call("GET", "/api/v1/lists?q=Spring&limit=2", undefined, as);
		expect(names(first)).toEqual(["Early SPRING", "spring sale B"]);
		const second = await call("GET", `/api/v1/lists?q=Spring&limit=2&cursor=${first.json.next_cursor}`, undefined, as);
		expect(names(second)).toEqual(["Spring sale A"]);
		expect(second.json.next_cursor).toBeNull();
		expect(names(await call("GET", "/api/v1/lists?q=%25", undefined, as))).toEqual([]);
		const theirs = await call("GET", "/api/v1/lists?q=Spring", undefined, { cookie: s.other.cookie });
		expect(theirs.json.data).toEqual([]);

		const [springA, autumn] = ids;
		const taken = await call("PATCH", `/api/v1/lists/${autumn}`, { name: "Spring sale A" }, as);
		expect(taken.status).toBe(409);
		expect(taken.error.issues).toEqual([{ path: "name", message: "Another list already has this name" }]);
		const blank = await call("PATCH", `/api/v1/lists/${autumn}`, { name: "  " }, as);
		expect(blank.status).toBe(400);
		expect(blank.error.issues[0].path).toBe("name");
		const renamed = await call("PATCH", `/api/v1/lists/${springA}`, { name: "Summer", description: "June" }, as);
		expect(renamed.json).toMatchObject({ id: springA, name: "Summer", description: "June" });
		expect(names(await call("GET", "/api/v1/lists?q=spring", undefined, as))).toEqual([
			"Early SPRING",
			"spring sale B",
		]);
		expect(names(await call("GET", "/api/v1/lists?q=summ", undefined, as))).toEqual(["Summer"]);
	});

	it("applies an action to every contact matching the list's filters, beyond any loaded page, and refuses more than 500", async () => {
		const wave = async (email: string, as = s.cookie) =>
			(await call("POST", "/api/v1/contacts", { email, tags: ["wave"] }, { cookie: as })).json.id as string;
		const [a, b, c] = [await wave("a@wave.example"), await wave("b@wave.example"), await wave("c@wave.example")];
		const dry = await s.contact("dry@wave.example");
		const theirs = await wave("a@wave.example", s.other.cookie);
		const res = await call(
			"POST",
			"/api/v1/bulk",
			{ resource: "contacts", action: "tag", filter: { tag: "wave", q: "wave.example" }, params: { tags: ["surfed"] } },
			{ cookie: s.cookie },
		);
		expect(res.status).toBe(200);
		// Newest first, as the list shows them; each item's own result.
		expect(res.json.results).toEqual([c, b, a].map((id) => ({ id, ok: true })));
		for (const id of [a, b, c])
			expect((await call("GET", `/api/v1/contacts/${id}`, undefined, { cookie: s.cookie })).json.tags).toContain(
				"surfed",
			);
		expect((await call("GET", `/api/v1/contacts/${dry}`, undefined, { cookie: s.cookie })).json.tags).toEqual(["old"]);
		expect((await call("GET", `/api/v1/contacts/${theirs}`, undefined, { cookie: s.other.cookie })).json.tags).toEqual([
			"wave",
		]);

		const bulk = (body: object) => call("POST", "/api/v1/bulk", body, { cookie: s.cookie });
		const both = await bulk({ resource: "contacts", action: "unsubscribe", ids: [a], filter: { tag: "wave" } });
		expect(both.status).toBe(400);
		const foreign = await bulk({ resource: "contacts", action: "unsubscribe", filter: { category: "news" } });
		expect(foreign.status).toBe(400);
		expect(foreign.error.issues[0].path).toBe("filter.category");

		// 501 contacts tagged "crowd" (written straight to D1: the route would take too long): nothing is applied.
		const workspaceId = s.owner.workspace.id as string;
		const rows = Array.from({ length: 501 }, (_, i) => `crowd_${String(i).padStart(3, "0")}`);
		const insert = env.DB.prepare("INSERT INTO contacts (id, workspace_id, email) VALUES (?, ?, ?)");
		const tag = env.DB.prepare("INSERT INTO contact_tags (workspace_id, contact_id, tag) VALUES (?, ?, 'crowd')");
		await env.DB.batch(
			rows.flatMap((id) => [insert.bind(id, workspaceId, `${id}@crowd.example`), tag.bind(workspaceId, id)]),
		);
		const crowd = await bulk({ resource: "contacts", action: "unsubscribe", filter: { tag: "crowd" } });
		expect(crowd.status).toBe(422);
		expect(crowd.error.message).toMatch(/More than 500 contacts match/);
		const still = await call("GET", "/api/v1/contacts?tag=crowd&status=unsubscribed", undefined, { cookie: s.cookie });
		expect(still.json.data).toEqual([]);
	});
});
