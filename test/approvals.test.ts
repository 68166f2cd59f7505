import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runApprovalSla } from "../worker/services/approval-sla";
import { addMember, call, createKey, signupOwner } from "./client";
import { copyCampaign, copyReviewRequest } from "./row-copies";

const ONE_STAGE = {
	stages: [
		{ name: "Compliance", approver_roles: ["admin"], min_approvals: 1, sla_hours: 2, escalate_to_role: "owner" },
	],
	allow_self_approval: false,
};

async function workspace() {
	const owner = await signupOwner("Review Co");
	const [editor, admin, viewer] = [
		await addMember(owner.cookie, "editor"),
		await addMember(owner.cookie, "admin"),
		await addMember(owner.cookie, "viewer"),
	];
	await call(
		"PATCH",
		"/api/v1/workspace",
		{ postal_address: "1 Review Rd", default_from_email: "news@review.example" },
		{ cookie: owner.cookie },
	);
	const policy = await call("PUT", "/api/v1/approval-policy", ONE_STAGE, { cookie: owner.cookie });
	expect(policy.status).toBe(200);
	return { owner, editor, admin, viewer };
}

/** One workspace (owner, editor, admin, viewer; a one-stage policy) for the file; a fresh campaign per test. */
let shared: Promise<Awaited<ReturnType<typeof workspace>>> | undefined;
async function team() {
	shared ??= workspace();
	const ws = await shared;
	const template = await call(
		"POST",
		"/api/v1/templates",
		{ name: "T", subject: "Sale", html: "<p>Sale</p>" },
		{ cookie: ws.editor.cookie },
	);
	const campaign = await call(
		"POST",
		"/api/v1/campaigns",
		{ name: "Spring sale", template_id: template.json.id },
		{ cookie: ws.editor.cookie },
	);
	await call("POST", "/api/v1/notifications/read", {}, { cookie: ws.admin.cookie });
	await call("POST", "/api/v1/notifications/read", {}, { cookie: ws.owner.cookie });
	await call("POST", "/api/v1/notifications/read", {}, { cookie: ws.editor.cookie });
	return { ...ws, templateId: template.json.id as string, id: campaign.json.id as string };
}

type Team = Awaited<ReturnType<typeof team>>;
const approval = (t: Team, as = t.editor) =>
	call("GET", `/api/v1/campaigns/${t.id}/approval`, undefined, { cookie: as.cookie });
const request = (t: Team, as = t.editor) =>
	call("POST", `/api/v1/campaigns/${t.id}/approval/request`, undefined, { cookie: as.cookie });
const decide = (t: Team, as: { cookie: string }, body: unknown) =>
	call("POST", `/api/v1/campaigns/${t.id}/approval/decide`, body, { cookie: as.cookie });
const send = (t: Team) => call("POST", `/api/v1/campaigns/${t.id}/send`, undefined, { cookie: t.editor.cookie });
/** The kinds of a member's unread notifications, newest first. */
const kinds = async (as: { cookie: string }) =>
	(await call("GET", "/api/v1/notifications", undefined, as)).json.data
		.filter((n: { read_at: string | null }) => n.read_at === null)
		.map((n: { kind: string }) => n.kind);

describe("approvals", () => {
	it("blocks the send naming the stage until another member approves, then sends", async () => {
		const t = await team();
		expect((await approval(t)).json).toMatchObject({ status: "not_requested", stage: null });
		const blocked = await send(t);
		expect(blocked.status).toBe(409);
		expect(blocked.error.code).toBe("approval_required");
		expect(blocked.error.message).toContain('"Compliance"');

		const requested = await request(t);
		expect(requested.json).toMatchObject({ status: "pending", stage: "Compliance", requested_by: t.editor.memberId });
		expect(await kinds(t.admin)).toContain("review_requested");
		expect(await kinds(t.editor)).not.toContain("review_requested");
		expect((await send(t)).error.message).toMatch(/waiting for the stage "Compliance"/);
		expect((await approval(t, t.admin)).json.can_decide).toBe(true);

		const approved = await decide(t, t.admin, { decision: "approve" });
		expect(approved.json).toMatchObject({
			status: "approved",
			stage: null,
			stages: [
				{ name: "Compliance", status: "approved", decisions: [{ member_id: t.admin.memberId, decision: "approve" }] },
			],
		});
		expect(await kinds(t.editor)).toContain("review_decided");
		expect((await send(t)).status).toBe(202);
		const log = await call("GET", "/api/v1/audit-log", undefined, { cookie: t.owner.cookie });
		expect(log.json.data.map((e: { action: string }) => e.action)).toEqual(
			expect.arrayContaining(["approval_policy.update", "approval.request", "approval.approve"]),
		);
	});

	it("refuses self-approval, viewers, non-approvers, and a request for changes without a comment", async () => {
		const t = await team();
		await request(t, t.admin);
		const self = await decide(t, t.admin, { decision: "approve" });
		expect(self.status).toBe(403);
		expect(self.error.message).toMatch(/another member/);
		expect((await decide(t, t.viewer, { decision: "approve" })).status).toBe(403);
		const editor = await decide(t, t.editor, { decision: "approve" });
		expect(editor.status).toBe(403);
		expect(editor.error.message).toMatch(/not an approver of the stage "Compliance"/);
		const bare = await decide(t, t.owner, { decision: "request_changes" });
		expect(bare.status).toBe(400);
		expect(bare.error.code).toBe("validation_failed");
		expect(bare.error.issues).toEqual([expect.objectContaining({ path: "comment" })]);
		const changes = await decide(t, t.owner, { decision: "request_changes", comment: "Add the legal footer" });
		expect(changes.json).toMatchObject({ status: "changes_requested", stages: [{ status: "changes_requested" }] });
		expect((await send(t)).error.message).toMatch(/changes were requested at the stage "Compliance"/);
	});

	it("voids the approval when the content, audience or sender is edited afterwards, and says why", async () => {
		const t = await team();
		await request(t);
		const before = (await decide(t, t.admin, { decision: "approve" })).json;
		expect(before.status).toBe("approved");
		const edit = await call(
			"PATCH",
			`/api/v1/campaigns/${t.id}`,
			{ from_name: "Someone else" },
			{ cookie: t.editor.cookie },
		);
		expect(edit.status).toBe(200);
		const after = (await approval(t)).json;
		expect(after.status).toBe("not_requested");
		expect(after.version_hash).not.toBe(before.version_hash);
		expect(after.voided_reason).toMatch(/edited after a decision/);
		expect((await send(t)).error.code).toBe("approval_required");
		// Editing the template's content voids it too.
		await request(t);
		await decide(t, t.admin, { decision: "approve" });
		await call("PATCH", `/api/v1/templates/${t.templateId}`, { subject: "Sale!" }, { cookie: t.editor.cookie });
		expect((await approval(t)).json.status).toBe("not_requested");
	});

	it("needs no approval when the policy does not apply, and another workspace cannot read or decide", async () => {
		const t = await team();
		const other = await signupOwner("Other");
		expect((await call("GET", `/api/v1/campaigns/${t.id}/approval`, undefined, other)).status).toBe(404);
		expect(
			(await call("POST", `/api/v1/campaigns/${t.id}/approval/decide`, { decision: "approve" }, other)).status,
		).toBe(404);
		const otherKey = (await createKey(other.cookie, "owner")).key;
		const byKey = await call(
			"POST",
			`/api/v1/campaigns/${t.id}/approval/decide`,
			{ decision: "approve" },
			{ apiKey: otherKey },
		);
		expect(byKey.status).toBe(404);
		// API.md: every error carries `issues` (empty when no field is at fault).
		expect(byKey.error).toMatchObject({ code: "not_found", issues: [], request_id: expect.any(String) });
		await call(
			"PUT",
			"/api/v1/approval-policy",
			{ ...ONE_STAGE, applies_when: { tags: ["legal"] } },
			{
				cookie: t.owner.cookie,
			},
		);
		expect((await approval(t)).json.status).toBe("not_required");
		expect((await call("PUT", "/api/v1/approval-policy", { stages: [] }, { cookie: t.admin.cookie })).status).toBe(200);
		expect((await call("PUT", "/api/v1/approval-policy", { stages: [] }, { cookie: t.editor.cookie })).status).toBe(
			403,
		);
		expect((await send(t)).status).toBe(202);
		const impossible = await call(
			"PUT",
			"/api/v1/approval-policy",
			{ stages: [{ name: "Legal", approver_ids: [t.admin.memberId, "mem_nobody"], min_approvals: 3 }] },
			{ cookie: t.owner.cookie },
		);
		expect(impossible.status).toBe(400);
		expect(impossible.error.issues.map((i: { path: string }) => i.path)).toEqual([
			"stages.0.approver_ids.1",
			"stages.0.min_approvals",
		]);
		await call("PUT", "/api/v1/approval-policy", ONE_STAGE, { cookie: t.owner.cookie });
	});

	it("holds a journey's activation until approved", async () => {
		const t = await team();
		const journey = await call(
			"POST",
			"/api/v1/journeys",
			{ name: "J", definition: { entry: { type: "api" }, start: "end", nodes: { end: { type: "exit" } } } },
			{ cookie: t.editor.cookie },
		);
		const path = `/api/v1/journeys/${journey.json.id}`;
		const blocked = await call("POST", `${path}/activate`, undefined, { cookie: t.editor.cookie });
		expect(blocked.status).toBe(409);
		expect(blocked.error.code).toBe("approval_required");
		await call("POST", `${path}/approval/request`, undefined, { cookie: t.editor.cookie });
		await call("POST", `${path}/approval/decide`, { decision: "approve" }, { cookie: t.admin.cookie });
		expect((await call("POST", `${path}/activate`, undefined, { cookie: t.editor.cookie })).status).toBe(200);
	});

	it("reminds the approvers at the SLA, escalates to the owners after it, and expires the review at three times it", async () => {
		const t = await team();
		await request(t);
		const now = Date.now();
		await runApprovalSla(env, new Date(now + 2.5 * 3_600_000));
		expect(await kinds(t.admin)).toEqual(["review_overdue", "review_requested"]);
		expect(await kinds(t.editor)).not.toContain("review_overdue");
		const overdue = async () => (await kinds(t.owner)).filter((k: string) => k === "review_overdue").length;
		expect(await overdue()).toBe(1); // owners approve the admins' stage too
		await runApprovalSla(env, new Date(now + 4.5 * 3_600_000));
		await runApprovalSla(env, new Date(now + 5 * 3_600_000));
		expect(await overdue()).toBe(2); // escalated once, past twice the SLA
		expect((await approval(t)).json.status).toBe("pending");
		await runApprovalSla(env, new Date(now + 6.5 * 3_600_000));
		const expired = (await approval(t)).json;
		expect(expired.status).toBe("not_requested");
		expect(expired.voided_reason).toMatch(/expired/);
		expect((await send(t)).error.code).toBe("approval_required");
		expect(await kinds(t.editor)).toContain("review_decided"); // the requester is told to ask again
		const log = await call("GET", "/api/v1/audit-log?action=approval.expire", undefined, { cookie: t.owner.cookie });
		expect(log.json.data).toHaveLength(1);
		await runApprovalSla(env, new Date(now + 9 * 3_600_000));
		expect(await overdue()).toBe(2); // an ended review reminds nobody
		expect((await request(t)).status).toBe(200); // a new review can be asked for
		expect((await approval(t)).json.status).toBe("pending");
	});

	it("threads comments and notifies the members mentioned", async () => {
		const t = await team();
		const admin = (await call("GET", "/api/v1/members", undefined, { cookie: t.owner.cookie })).json.data.find(
			(m: { id: string }) => m.id === t.admin.memberId,
		);
		const first = await call(
			"POST",
			`/api/v1/campaigns/${t.id}/comments`,
			{ body: `@${admin.email} can you check the subject?` },
			{ cookie: t.editor.cookie },
		);
		expect(first.status).toBe(201);
		expect(first.json.mentions).toEqual([t.admin.memberId]);
		const reply = await call(
			"POST",
			`/api/v1/campaigns/${t.id}/comments`,
			{ body: "Looks fine", parent_id: first.json.id },
			{ cookie: t.admin.cookie },
		);
		expect(reply.json.parent_id).toBe(first.json.id);
		const list = await call("GET", `/api/v1/campaigns/${t.id}/comments`, undefined, { cookie: t.viewer.cookie });
		expect(list.json.data.map((c: { body: string }) => c.body)).toEqual([first.json.body, "Looks fine"]);
		expect(list.json.next_cursor).toBeNull();
		const one = await call("GET", `/api/v1/campaigns/${t.id}/comments?limit=1`, undefined, { cookie: t.viewer.cookie });
		expect(one.json.data.map((c: { body: string }) => c.body)).toEqual([first.json.body]);
		const rest = await call(
			"GET",
			`/api/v1/campaigns/${t.id}/comments?limit=1&cursor=${one.json.next_cursor}`,
			undefined,
			{
				cookie: t.viewer.cookie,
			},
		);
		expect(rest.json).toMatchObject({ data: [{ body: "Looks fine" }], next_cursor: null });
		const bell = (await call("GET", "/api/v1/notifications", undefined, { cookie: t.admin.cookie })).json.data;
		// Other tests' campaigns of this shared workspace may finish (and notify) meanwhile: look for the mention.
		expect(bell).toContainEqual(expect.objectContaining({ kind: "mentioned", link: `/campaigns/${t.id}` }));
		expect(
			(await call("POST", `/api/v1/campaigns/${t.id}/comments`, { body: "x" }, { cookie: t.viewer.cookie })).status,
		).toBe(403);
	});

	it("reminds at the SLA while another workspace has 100 older reviews with no SLA to keep", async () => {
		const quiet = await signupOwner("No SLA Co");
		const as = { cookie: quiet.cookie };
		await call(
			"PATCH",
			"/api/v1/workspace",
			{ postal_address: "1 Quiet Rd", default_from_email: "q@quiet.example" },
			as,
		);
		const noSla = { stages: [{ name: "Look", approver_roles: ["admin"], min_approvals: 1 }] };
		expect((await call("PUT", "/api/v1/approval-policy", noSla, as)).status).toBe(200);
		const template = await call("POST", "/api/v1/templates", { name: "T", subject: "Hi", html: "<p>Hi</p>" }, as);
		const id = (await call("POST", "/api/v1/campaigns", { name: "Quiet", template_id: template.json.id }, as)).json.id;
		expect((await call("POST", `/api/v1/campaigns/${id}/approval/request`, undefined, as)).status).toBe(200);
		// 100 more pending reviews, waiting longer than any other.
		await copyCampaign(id, 100);
		await copyReviewRequest(id, 100, 0);
		expect((await call("GET", `/api/v1/campaigns/${id}_99/approval`, undefined, as)).json.status).toBe("pending");

		const t = await team();
		await request(t);
		await runApprovalSla(env, new Date(Date.now() + 2.5 * 3_600_000));
		expect(await kinds(t.admin)).toContain("review_overdue");
	});
});
