import { runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../worker/db/client";
import { recordAudit } from "../worker/services/audit";
import { appendMessage, createConversation } from "../worker/services/conversations";
import { runUpkeep } from "../worker/services/upkeep";
import { call, env, ORIGIN, signupOwner, uniqueEmail } from "./client";
import { importCsv } from "./import-helpers";
import { activeJourney, alarmAt, MINUTE, shardFor, workspaceWithContacts } from "./journey-helpers";
import { hit, pathsIn, stats, waitUntil } from "./tracking-helpers";

type Hit = { table: string; column: string };

/** Every text cell of every table that holds the address (as typed in any case, or URL-encoded). */
async function whereIs(address: string): Promise<Hit[]> {
	const forms = [address.toLowerCase(), encodeURIComponent(address).toLowerCase()];
	const { results: tables } = await env.DB.prepare(
		"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
	).all<{ name: string }>();
	const hits: Hit[] = [];
	for (const { name } of tables) {
		const { results: rows } = await env.DB.prepare(`SELECT * FROM "${name}"`).all<Record<string, unknown>>();
		for (const row of rows)
			for (const [column, value] of Object.entries(row))
				if (typeof value === "string" && forms.some((f) => value.toLowerCase().includes(f)))
					hits.push({ table: name, column });
	}
	return hits;
}

/**
 * A contact with a full history: imported (twice in one file), tagged, sent a campaign whose
 * link carries their address, opened and clicked it, sent a test, with events, quoted in an
 * assistant chat and in the audit log.
 */
async function contactWithHistory() {
	const owner = await signupOwner("Erase Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "1 Forget St", default_from_email: "news@erase.example" },
		{ cookie },
	);
	const address = uniqueEmail("erase-me");
	const other = uniqueEmail("keep-me");
	await importCsv(cookie, `email,first_name,tags\n${address},Ada,vip\n${other},Bob,\n${address.toUpperCase()},Ada,\n`);
	const contacts = await call("GET", "/api/v1/contacts?limit=10", undefined, { cookie });
	const id = contacts.json.data.find((c: { email: string }) => c.email === address).id as string;

	const many = (n: number, from: number) =>
		Array.from({ length: n }, (_, i) => ({
			email: address,
			name: "viewed",
			properties: { page: `/p/${from + i}`, contact: address },
		}));
	await call("POST", "/api/v1/events", { batch: many(300, 0) }, { cookie });
	await call("POST", "/api/v1/events", { batch: many(300, 300) }, { cookie });

	const template = await call(
		"POST",
		"/api/v1/templates",
		{
			name: "Hello",
			subject: "Hi {{ contact.first_name }}",
			html: '<p>Hello {{ contact.first_name }} ({{ contact.email }})</p><a href="https://shop.example/me?who={{ contact.email }}">Mine</a>',
		},
		{ cookie },
	);
	const campaign = await call("POST", "/api/v1/campaigns", { name: "C", template_id: template.json.id }, { cookie });
	const campaignId = campaign.json.id as string;
	// The team's notes quote them: a comment, a task, a notification.
	const noted = [
		await call("POST", `/api/v1/campaigns/${campaignId}/comments`, { body: `Ask ${address} first` }, { cookie }),
		await call(
			"POST",
			`/api/v1/campaigns/${campaignId}/tasks`,
			{ milestone: "send", title: `Call ${address}` },
			{ cookie },
		),
	];
	expect(noted.map((r) => r.status)).toEqual([201, 201]);
	const member = await env.DB.prepare("SELECT id FROM memberships WHERE workspace_id = ?")
		.bind(owner.workspace.id)
		.first();
	await env.DB.prepare(
		"INSERT INTO notifications (id, workspace_id, member_id, kind, title, body) VALUES (?, ?, ?, 'journey_error', ?, ?)",
	)
		.bind(
			`ntf_${crypto.randomUUID()}`,
			owner.workspace.id,
			member?.id,
			`About ${address}`,
			`${address.toUpperCase()} bounced`,
		)
		.run();
	// They once filled in a signup form (a confirmation email, a rate-limit window for the address).
	const form = (await call("POST", "/api/v1/signup-forms", { name: "F", consent_text: "Yes" }, { cookie })).json;
	const filled = await exports.default.fetch(
		new Request(`${ORIGIN}/f/${form.id}`, {
			method: "POST",
			headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": "198.51.100.9" },
			body: new URLSearchParams({ email: address }).toString(),
		}),
	);
	expect(filled.status).toBe(200);
	await call("POST", `/api/v1/campaigns/${campaignId}/send`, undefined, { cookie });
	await waitUntil("the campaign to complete", async () => (await stats(cookie, campaignId)).status === "completed");
	// As if sent an hour ago: an open or click right after delivery is (rightly) taken for a machine.
	await env.DB.prepare("UPDATE messages SET sent_at = sent_at - 3600000 WHERE campaign_id = ?").bind(campaignId).run();
	const outbox = await call("GET", `/api/v1/outbox?campaign_id=${campaignId}`, undefined, { cookie });
	const theirs = outbox.json.data.find((m: { to: string }) => m.to === address) as { html: string };
	await hit(pathsIn(theirs.html, "o")[0] ?? "");
	await hit(pathsIn(theirs.html, "c")[0] ?? "");
	await waitUntil("the open and the click", async () => {
		const s = await stats(cookie, campaignId);
		return s.unique_opens === 1 && s.unique_clicks === 1;
	});
	const test = await call(
		"POST",
		`/api/v1/templates/${template.json.id}/test-send`,
		{ to: [address], contact_id: id },
		{ cookie },
	);
	expect(test.status).toBe(200);

	const principal = {
		kind: "session" as const,
		userId: owner.user.id as string,
		sessionId: "ses_test",
		workspaceId: owner.workspace.id as string,
		role: "owner" as const,
	};
	const chat = await createConversation(env.DB, principal);
	await appendMessage(env.DB, chat.id, {
		id: "m1",
		role: "user",
		parts: [{ type: "text", text: `Why did ${address.toUpperCase()} stop opening?` }],
	});
	await recordAudit(createDb(env.DB), {
		workspaceId: owner.workspace.id,
		action: "contact.exported",
		actor: principal,
		metadata: { email: address },
	});
	return { ...owner, address, other, id, campaignId };
}

describe("erasing a contact (GDPR)", () => {
	it("leaves the address nowhere but the suppression list, keeps campaign stats and keeps it suppressed", async () => {
		const { cookie, address, other, id, campaignId, workspace } = await contactWithHistory();
		const before = await stats(cookie, campaignId);
		expect(before).toMatchObject({ sent: 2, opens: 1, unique_opens: 1, clicks: 1, unique_clicks: 1 });
		const places = (await whereIs(address)).map((h) => h.table);
		expect(places).toEqual(expect.arrayContaining(["contacts", "outbox_messages", "messages", "import_errors"]));
		expect(places).toEqual(expect.arrayContaining(["events", "tracking_events", "assistant_messages", "audit_log"]));
		expect(places).toEqual(expect.arrayContaining(["comments", "campaign_tasks", "notifications"]));

		expect((await call("DELETE", `/api/v1/contacts/${id}`, undefined, { cookie })).status).toBe(200);

		expect(await whereIs(address)).toEqual([{ table: "suppressions", column: "email" }]);
		// Every count stays; only a link that carried the address now carries the stand-in.
		const counts = (s: { links: { url: string }[] }) => ({ ...s, links: s.links.map(({ url: _, ...n }) => n) });
		const after = await stats(cookie, campaignId);
		expect(counts(after)).toEqual(counts(before));
		expect(after.links[0].url).toMatch(/who=erased\+\w+@erased\.invalid$/);
		const events = await env.DB.prepare("SELECT count(*) AS n FROM events WHERE contact_id = ?").bind(id).first();
		expect(events).toEqual({ n: 0 });
		// The signup form's window for the address (keyed without it) is forgotten once it ends.
		const windows = () =>
			env.DB.prepare("SELECT count(*) AS n FROM rate_limits WHERE key LIKE ?")
				.bind(`signup:address:${workspace.id}:%`)
				.first();
		expect(await windows()).toEqual({ n: 1 });
		await runUpkeep(env, Date.now() + 2 * 3_600_000);
		expect(await windows()).toEqual({ n: 0 });
		const back = await call("POST", "/api/v1/contacts", { email: address }, { cookie });
		expect(back.json.status).toBe("unsubscribed");
		// Nobody else loses anything.
		expect((await whereIs(other)).map((h) => h.table)).toEqual(
			expect.arrayContaining(["contacts", "outbox_messages", "messages"]),
		);
	});

	it("shows the erased recipient's Outbox message as erased, with no subject or body", async () => {
		const { cookie, id, campaignId } = await contactWithHistory();
		await call("DELETE", `/api/v1/contacts/${id}`, undefined, { cookie });
		const outbox = await call("GET", `/api/v1/outbox?campaign_id=${campaignId}`, undefined, { cookie });
		const erased = outbox.json.data.filter((m: { to: string }) => m.to.endsWith("@erased.invalid"));
		expect(erased).toHaveLength(1);
		expect(erased[0]).toMatchObject({ subject: "[erased]", html: "", text: "", headers: {} });
		const log = await call("GET", `/api/v1/campaigns/${campaignId}/messages`, undefined, { cookie });
		expect(log.json.data.map((m: { email: string }) => m.email)).toContain(erased[0].to);
	});
});

const RECEIVER = "https://crm.erase.test/pulse-hook";

/** Answers the journey webhook's POSTs with `statuses` in turn (then 200); answers the bodies it was sent. */
function fakeReceiver(statuses: number[]) {
	const bodies: string[] = [];
	const original = globalThis.fetch;
	vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
		const request = new Request(input, init);
		if (!request.url.startsWith(RECEIVER)) return original(input, init);
		bodies.push(await request.text());
		return new Response("ok", { status: statuses.shift() ?? 200 });
	});
	return bodies;
}

/** Every text cell of every table in a journey shard's storage. */
function shardText(shard: DurableObjectStub) {
	return runInDurableObject(shard, (_: unknown, state: DurableObjectState) => {
		const sql = state.storage.sql;
		const tables = sql
			.exec<{ name: string }>(
				"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\'",
			)
			.toArray();
		return tables.flatMap(({ name }) =>
			sql
				.exec(`SELECT * FROM "${name}"`)
				.toArray()
				.flatMap((row) => Object.values(row).filter((v): v is string => typeof v === "string")),
		);
	});
}

describe("erasing a contact who is in a journey", () => {
	afterEach(() => vi.restoreAllMocks());

	it("sends their failing webhook step no retry, exits them and leaves none of their data in the journey", async () => {
		const { cookie, contactIds } = await workspaceWithContacts(1, {
			first_name: "Erin",
			attributes: { phone: "+15550100" },
		});
		const contactId = contactIds[0] as string;
		const email = (await call("GET", `/api/v1/contacts/${contactId}`, undefined, { cookie })).json.email as string;
		const bodies = fakeReceiver([503]);
		const journeyId = await activeJourney(cookie, {
			entry: { type: "api" },
			start: "hook",
			nodes: {
				hook: { type: "webhook", url: RECEIVER, next: "wait" },
				wait: { type: "delay", duration: "P1D", next: "done" },
				done: { type: "exit" },
			},
		});
		const t0 = Date.now();
		const shard = shardFor(journeyId, contactId);
		await shard.setClockForTest(t0);
		await shard.enroll(journeyId, [{ contactId, properties: { note: "entry-secret-42" } }]);
		expect(bodies).toHaveLength(1);
		expect(bodies[0]).toContain(email);
		const personal = (texts: string[]) =>
			texts.filter((t) => ["+15550100", "entry-secret-42", email].some((p) => t.includes(p)));
		expect(personal(await shardText(shard))).not.toEqual([]);

		expect((await call("DELETE", `/api/v1/contacts/${contactId}`, undefined, { cookie })).status).toBe(200);
		await alarmAt(journeyId, contactId, t0 + 10 * MINUTE);

		expect(bodies).toHaveLength(1);
		expect(personal(await shardText(shard))).toEqual([]);
		const [enrollment] = await shard.enrollments({ contactId, afterId: "", limit: 10 });
		expect(enrollment).toMatchObject({ status: "exited", exit_reason: "contact_gone" });
		const stats = (await call("GET", `/api/v1/journeys/${journeyId}/stats`, undefined, { cookie })).json;
		expect(stats).toMatchObject({ entered: 1, active: 0, exited: { contact_gone: 1 } });
	});
});
