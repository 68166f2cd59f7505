import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { NotificationSocketFrame } from "../worker/contracts/notifications";
import { notify } from "../worker/services/notify";
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
});
