import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runEffects } from "../durable-objects/journey-effects";
import type { NotificationSocketFrame } from "../worker/contracts/notifications";
import { handleSendsDeadLetters } from "../worker/queue/sends-consumer";
import { notifyCampaignStatus } from "../worker/services/event-notifications";
import { notify } from "../worker/services/notify";
import { notifyProviderRefusal } from "../worker/services/notify-ops";
import { addMember, call, ORIGIN, signupOwner } from "./client";
import { importCsv, waitForImport } from "./import-helpers";
import { sentCampaign } from "./tracking-helpers";

async function team() {
	const owner = await signupOwner("Bell Co");
	const editor = await addMember(owner.cookie, "editor");
	const admin = await addMember(owner.cookie, "admin");
	return { owner, editor, admin, workspaceId: owner.workspace.id as string };
}

async function connect(cookie: string) {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/notifications/live`, {
		headers: { upgrade: "websocket", cookie, origin: ORIGIN },
	});
	const socket = res.webSocket;
	if (!socket) throw new Error(`no socket: ${res.status}`);
	const frames: NotificationSocketFrame[] = [];
	socket.accept();
	socket.addEventListener("message", (e) => {
		frames.push(JSON.parse(String(e.data)));
	});
	return { frames, close: () => socket.close() };
}

const until = async (probe: () => boolean) => {
	for (let i = 0; i < 50 && !probe(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe("notifications", () => {
	it("lists a member's own notifications with the unread count, and marks them read", async () => {
		const t = await team();
		await notify(env, t.workspaceId, [t.editor.memberId], { kind: "alert", title: "A", body: "first", link: "/a" });
		await notify(env, t.workspaceId, { atLeast: "admin" }, { kind: "import_finished", title: "B", body: "second" });
		const mine = await call("GET", "/api/v1/notifications", undefined, { cookie: t.editor.cookie });
		expect(mine.json.unread).toBe(1);
		expect(mine.json.data).toMatchObject([{ kind: "alert", title: "A", body: "first", link: "/a", read_at: null }]);
		const admins = await call("GET", "/api/v1/notifications", undefined, { cookie: t.admin.cookie });
		expect(admins.json.data.map((n: { title: string }) => n.title)).toEqual(["B"]);
		const owners = await call("GET", "/api/v1/notifications", undefined, { cookie: t.owner.cookie });
		expect(owners.json.unread).toBe(1);

		const read = await call(
			"POST",
			"/api/v1/notifications/read",
			{ ids: [mine.json.data[0].id] },
			{ cookie: t.editor.cookie },
		);
		expect(read.json.unread).toBe(0);
		// Someone else's ids change nothing.
		await call("POST", "/api/v1/notifications/read", { ids: [mine.json.data[0].id] }, { cookie: t.owner.cookie });
		expect((await call("GET", "/api/v1/notifications", undefined, { cookie: t.owner.cookie })).json.unread).toBe(1);
		await call("POST", "/api/v1/notifications/read", {}, { cookie: t.owner.cookie });
		expect((await call("GET", "/api/v1/notifications", undefined, { cookie: t.owner.cookie })).json.unread).toBe(0);
	});

	it("pushes a new notification to the member's open socket, and nobody else's", async () => {
		const t = await team();
		const editorSocket = await connect(t.editor.cookie);
		const adminSocket = await connect(t.admin.cookie);
		await until(() => editorSocket.frames.length > 0 && adminSocket.frames.length > 0);
		expect(editorSocket.frames[0]).toEqual({ type: "hello", unread: 0 });
		await notify(env, t.workspaceId, [t.editor.memberId], {
			kind: "mentioned",
			title: "You were mentioned",
			body: "hi",
		});
		await until(() => editorSocket.frames.length > 1);
		expect(editorSocket.frames[1]).toMatchObject({
			type: "notification",
			unread: 1,
			notification: { kind: "mentioned", title: "You were mentioned" },
		});
		expect(adminSocket.frames).toHaveLength(1);
		editorSocket.close();
		adminSocket.close();
	});

	it("follows each member's preferences: off leaves nothing in the bell; email also mails (the Outbox in test mode)", async () => {
		const t = await team();
		const off = await call(
			"PUT",
			"/api/v1/notification-preferences",
			{ kinds: { campaign_completed: "off", alert: "email" } },
			{ cookie: t.editor.cookie },
		);
		expect(off.json.kinds).toMatchObject({ campaign_completed: "off", alert: "email", mentioned: "in_app" });
		await call("PATCH", "/api/v1/workspace", { default_from_email: "team@bell.example" }, { cookie: t.owner.cookie });
		await notify(env, t.workspaceId, [t.editor.memberId], { kind: "campaign_completed", title: "Done", body: "x" });
		await notify(env, t.workspaceId, [t.editor.memberId], { kind: "alert", title: "Bounces high", body: "5%" });
		const list = await call("GET", "/api/v1/notifications", undefined, { cookie: t.editor.cookie });
		expect(list.json.data.map((n: { title: string }) => n.title)).toEqual(["Bounces high"]);
		const outbox = await call("GET", "/api/v1/outbox", undefined, { cookie: t.owner.cookie });
		expect(outbox.json.data.map((m: { to: string; subject: string }) => [m.to, m.subject])).toContainEqual([
			t.editor.email,
			"Bounces high · Bell Co",
		]);
	});

	it("takes a Slack webhook only on hooks.slack.com, from admins", async () => {
		const t = await team();
		const bad = await call(
			"PUT",
			"/api/v1/notification-settings",
			{ slack_webhook_url: "https://evil.example/hook" },
			{ cookie: t.owner.cookie },
		);
		expect(bad.status).toBe(400);
		const byEditor = await call(
			"PUT",
			"/api/v1/notification-settings",
			{ slack_webhook_url: null },
			{ cookie: t.editor.cookie },
		);
		expect(byEditor.status).toBe(403);
		const ok = await call(
			"PUT",
			"/api/v1/notification-settings",
			{ slack_webhook_url: "https://hooks.slack.com/services/T0/B0/x" },
			{ cookie: t.owner.cookie },
		);
		expect(ok.json.slack_webhook_url).toBe("https://hooks.slack.com/services/T0/B0/x");
	});

	it("tells the uploader an import finished, and the team a campaign started and completed", async () => {
		const t = await team();
		const started = await importCsv(t.editor.cookie, "email\na@bell.example\nnot-an-email\n");
		await waitForImport(t.editor.cookie, started.result.id);
		const editors = await call("GET", "/api/v1/notifications", undefined, { cookie: t.editor.cookie });
		expect(editors.json.data[0]).toMatchObject({ kind: "import_finished", body: expect.stringContaining("1 created") });
		expect((await call("GET", "/api/v1/notifications", undefined, { cookie: t.owner.cookie })).json.data).toEqual([]);

		const sent = await sentCampaign(2);
		const kinds = (await call("GET", "/api/v1/notifications", undefined, { cookie: sent.cookie })).json.data.map(
			(n: { kind: string }) => n.kind,
		);
		expect(kinds).toEqual(expect.arrayContaining(["campaign_started", "campaign_completed"]));
	});

	it("tells the team a campaign failed, and the admins once an hour that dead letters grow or the provider refuses", async () => {
		const t = await team();
		const as = { cookie: t.owner.cookie };
		await call("PATCH", "/api/v1/workspace", { default_from_email: "team@bell.example" }, as);
		const template = await call("POST", "/api/v1/templates", { name: "T", subject: "S", html: "<p>x</p>" }, as);
		const campaign = await call("POST", "/api/v1/campaigns", { name: "Spring", template_id: template.json.id }, as);
		const id = campaign.json.id as string;
		const chunk = (n: number) =>
			env.DB.prepare(
				"insert into chunks (id, workspace_id, campaign_id, seq, status, attempts, last_error, created_at, updated_at) values (?, ?, ?, ?, 'queued', 6, '500 upstream', 0, 0)",
			).bind(`chk_${id}_${n}`, t.workspaceId, id, n);
		const message = (n: number) =>
			env.DB.prepare(
				"insert into messages (id, workspace_id, campaign_id, contact_id, email, status, chunk_id) values (?, ?, ?, ?, ?, 'queued', ?)",
			).bind(`msg_${id}_${n}`, t.workspaceId, id, `ctc_${n}`, `p${n}@bell.example`, `chk_${id}_${n}`);
		await env.DB.batch([
			env.DB.prepare("update campaigns set status = 'sending', started_at = ? where id = ?").bind(Date.now(), id),
			chunk(1),
			chunk(2),
			message(1),
			message(2),
		]);
		// Two chunks exhaust their retries (the dead-letter queue), the provider refuses twice: one notification each.
		for (const n of [1, 2]) {
			const body = { type: "send_chunk", workspace_id: t.workspaceId, campaign_id: id, chunk_id: `chk_${id}_${n}` };
			const batch = { queue: "pulse-sends-dlq", messages: [{ id: `q${n}`, body, attempts: 1, ack() {}, retry() {} }] };
			await handleSendsDeadLetters(batch as unknown as MessageBatch<unknown>, env);
			await notifyProviderRefusal(env, t.workspaceId, id, { status: 403, error: "The domain is not verified" });
		}
		await notifyCampaignStatus(env, t.workspaceId, id, "sending", "completed");

		const inbox = async (cookie: string) =>
			(await call("GET", "/api/v1/notifications", undefined, { cookie })).json.data as {
				kind: string;
				title: string;
				body: string;
			}[];
		const admin = await inbox(t.admin.cookie);
		expect(admin.map((n) => n.kind).sort()).toEqual(["campaign_failed", "dead_letters", "provider_errors"]);
		expect(admin.find((n) => n.kind === "dead_letters")?.body).toContain('1 recipient of "Spring" could not be sent');
		expect(admin.find((n) => n.kind === "provider_errors")?.body).toBe(
			"The provider answered 403: The domain is not verified",
		);
		expect(admin.find((n) => n.kind === "campaign_failed")).toMatchObject({
			title: "Failed: Spring",
			body: expect.stringContaining("2 recipients failed and 0 sent"),
		});
		expect((await inbox(t.editor.cookie)).map((n) => n.kind)).toEqual(["campaign_failed"]);
		// An hour later the pipeline's troubles are told again.
		await notifyProviderRefusal(env, t.workspaceId, id, { status: 403, error: "again" }, Date.now() + 3_700_000);
		expect((await inbox(t.admin.cookie)).filter((n) => n.kind === "provider_errors")).toHaveLength(2);
	});

	it("tells the editors when a journey's step fails after every retry, once an hour per journey", async () => {
		const t = await team();
		const journey = await call(
			"POST",
			"/api/v1/journeys",
			{ name: "Welcome", definition: { entry: { type: "api" }, start: "end", nodes: { end: { type: "exit" } } } },
			{ cookie: t.owner.cookie },
		);
		// A contact update for a contact that is gone, on its last attempt: given up.
		const failing = (key: string, attempts: number) => ({
			key,
			enrollmentId: "enr_x",
			contactId: "ctc_gone",
			attempts,
			effect: {
				type: "update_contact" as const,
				idempotencyKey: key,
				nodeId: "tag",
				setAttributes: { plan: "pro" },
				addTags: [],
				removeTags: [],
			},
		});
		const job = { workspaceId: t.workspaceId, journeyId: journey.json.id, now: Date.now(), dispatch: async () => {} };
		const first = await runEffects(env, job, [failing("a", 1)]);
		expect(first[0]).toMatchObject({ ok: false, retryAt: expect.any(Number) });
		expect((await call("GET", "/api/v1/notifications", undefined, { cookie: t.editor.cookie })).json.data).toEqual([]);
		await runEffects(env, job, [failing("b", 5), failing("c", 5)]);
		await runEffects(env, job, [failing("d", 5)]);
		const told = (await call("GET", "/api/v1/notifications", undefined, { cookie: t.editor.cookie })).json.data;
		expect(told).toMatchObject([
			{
				kind: "journey_error",
				title: "Journey error: Welcome",
				body: expect.stringContaining('2 steps of "Welcome" failed after every retry'),
				link: `/journeys/${journey.json.id}`,
			},
		]);
		// The provider refusing a journey's email names the journey and links to it.
		await env.DB.prepare(
			"insert into campaigns (id, workspace_id, name, template_id, from_email, kind, journey_id, status) values ('cmp_jhidden', ?, 'hidden', 'tpl_x', 'a@bell.example', 'journey', ?, 'sending')",
		)
			.bind(t.workspaceId, journey.json.id)
			.run();
		await notifyProviderRefusal(env, t.workspaceId, "cmp_jhidden", { status: 422, error: "Invalid from" });
		const admin = (await call("GET", "/api/v1/notifications", undefined, { cookie: t.admin.cookie })).json.data;
		expect(admin.find((n: { kind: string }) => n.kind === "provider_errors")).toMatchObject({
			title: 'The email provider refused a send of the journey "Welcome"',
			link: `/journeys/${journey.json.id}`,
		});
	});

	it("tells every member of a team of twelve at once (rows beyond what one D1 statement binds)", async () => {
		const t = await team();
		const editors = [];
		for (let i = 0; i < 9; i++) editors.push(await addMember(t.owner.cookie, "editor"));
		const told = await notify(
			env,
			t.workspaceId,
			{ atLeast: "editor" },
			{ kind: "alert", title: "All", body: "hands" },
		);
		expect(told).toHaveLength(12);
		const last = editors[8] ?? t.editor;
		const bell = await call("GET", "/api/v1/notifications", undefined, { cookie: last.cookie });
		expect(bell.json.data).toMatchObject([{ title: "All", body: "hands" }]);
	});
});
