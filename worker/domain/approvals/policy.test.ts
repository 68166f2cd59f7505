import { describe, expect, it } from "vitest";
import type { ApprovalPolicy } from "../../contracts/approvals";
import {
	approvalState,
	type DecisionRecord,
	decisionRefusal,
	isApprover,
	missingStages,
	policyApplies,
	slaSteps,
} from "./policy";
import { canonicalJson, versionHash } from "./version-hash";

const POLICY: ApprovalPolicy = {
	stages: [
		{ name: "Content", approver_roles: ["admin"], min_approvals: 1, sla_hours: 4, escalate_to_role: "owner" },
		{ name: "Final", approver_ids: ["mem_boss"], min_approvals: 1 },
	],
	allow_self_approval: false,
};
const at = new Date("2026-01-01T00:00:00Z");
const request = { requestedBy: "mem_editor", versionHash: "v1", at };
const d = (
	stage: number,
	memberId: string,
	decision: DecisionRecord["decision"],
	versionHash = "v1",
): DecisionRecord => ({
	stage,
	memberId,
	decision,
	comment: decision === "approve" ? null : "why",
	versionHash,
	at,
});

describe("approval policy", () => {
	it("applies always, or only over an audience size or to a tagged campaign", () => {
		expect(policyApplies(null, { audience: 10, tags: [] })).toBe(false);
		expect(policyApplies({ ...POLICY, stages: [] }, { audience: 10, tags: [] })).toBe(false);
		expect(policyApplies(POLICY, { audience: 0, tags: [] })).toBe(true);
		const big = { ...POLICY, applies_when: { min_audience: 1000 } };
		expect(policyApplies(big, { audience: 999, tags: [] })).toBe(false);
		expect(policyApplies(big, { audience: 1000, tags: [] })).toBe(true);
		const tagged = { ...POLICY, applies_when: { tags: ["legal"] } };
		expect(policyApplies(tagged, { audience: 5, tags: ["promo"] })).toBe(false);
		expect(policyApplies(tagged, { audience: 5, tags: ["promo", "legal"] })).toBe(true);
	});

	it("walks the stages in order: pending at the first one short of approvals, approved when all are", () => {
		expect(approvalState(POLICY, null, [], "v1")).toMatchObject({ status: "not_requested", stageIndex: null });
		expect(approvalState(POLICY, request, [], "v1")).toMatchObject({ status: "pending", stageIndex: 0 });
		const one = approvalState(POLICY, request, [d(0, "mem_admin", "approve")], "v1");
		expect(one).toMatchObject({ status: "pending", stageIndex: 1 });
		expect(missingStages(one)).toEqual(["Final"]);
		const two = approvalState(POLICY, request, [d(0, "mem_admin", "approve"), d(1, "mem_boss", "approve")], "v1");
		expect(two.status).toBe("approved");
		expect(two.stages.map((s) => s.status)).toEqual(["approved", "approved"]);
	});

	it("needs min_approvals distinct members", () => {
		const twoNeeded = { ...POLICY, stages: [{ name: "Legal", min_approvals: 2 }] };
		const same = [d(0, "mem_a", "approve"), d(0, "mem_a", "approve")];
		expect(approvalState(twoNeeded, request, same, "v1").status).toBe("pending");
		expect(approvalState(twoNeeded, request, [...same, d(0, "mem_b", "approve")], "v1").status).toBe("approved");
	});

	it("stops at a request for changes or a rejection", () => {
		expect(approvalState(POLICY, request, [d(0, "mem_admin", "request_changes")], "v1")).toMatchObject({
			status: "changes_requested",
			stageIndex: null,
		});
		expect(
			approvalState(POLICY, request, [d(0, "mem_admin", "approve"), d(1, "mem_boss", "reject")], "v1").status,
		).toBe("rejected");
	});

	it("voids every decision once the version changed, and says why", () => {
		const state = approvalState(POLICY, request, [d(0, "mem_admin", "approve"), d(1, "mem_boss", "approve")], "v2");
		expect(state.status).toBe("not_requested");
		expect(state.stages.every((s) => s.decisions.length === 0)).toBe(true);
		expect(state.voidedReason).toMatch(/edited after 2 decisions/);
	});

	it("lets only a stage's approvers decide, never the requester unless allowed, and once each", () => {
		const content = POLICY.stages[0];
		const final = POLICY.stages[1];
		if (!content || !final) throw new Error("stages");
		expect(decisionRefusal(POLICY, content, { memberId: "mem_admin", role: "admin" }, request, false)).toBeNull();
		expect(decisionRefusal(POLICY, content, { memberId: "mem_owner", role: "owner" }, request, false)).toBeNull();
		expect(decisionRefusal(POLICY, content, { memberId: "mem_ed2", role: "editor" }, request, false)).toMatch(
			/not an approver of the stage "Content"/,
		);
		expect(decisionRefusal(POLICY, final, { memberId: "mem_admin", role: "admin" }, request, false)).toMatch(/Final/);
		expect(decisionRefusal(POLICY, final, { memberId: "mem_boss", role: "editor" }, request, false)).toBeNull();
		const selfRequest = { ...request, requestedBy: "mem_admin" };
		expect(decisionRefusal(POLICY, content, { memberId: "mem_admin", role: "admin" }, selfRequest, false)).toMatch(
			/another member/,
		);
		const lenient = { ...POLICY, allow_self_approval: true };
		expect(decisionRefusal(lenient, content, { memberId: "mem_admin", role: "admin" }, selfRequest, false)).toBeNull();
		expect(decisionRefusal(POLICY, content, { memberId: "mem_admin", role: "admin" }, request, true)).toMatch(
			/already/,
		);
		expect(
			isApprover({ name: "Any", min_approvals: 1, approver_roles: ["viewer"] }, { memberId: "v", role: "viewer" }),
		).toBe(false);
	});

	it("reminds at the SLA and escalates at twice the SLA, once per stage", () => {
		const stage = POLICY.stages[0];
		const hours = (h: number) => new Date(at.getTime() + h * 3_600_000);
		const none = { reminded: null, escalated: null };
		expect(slaSteps(stage, 0, at, none, hours(3))).toEqual([]);
		expect(slaSteps(stage, 0, at, none, hours(4))).toEqual([{ kind: "remind", stage: 0 }]);
		expect(slaSteps(stage, 0, at, { reminded: 0, escalated: null }, hours(8))).toEqual([
			{ kind: "escalate", stage: 0 },
		]);
		expect(slaSteps(stage, 0, at, { reminded: 0, escalated: 0 }, hours(11))).toEqual([]);
		expect(slaSteps(stage, 0, at, { reminded: 0, escalated: 0 }, hours(12))).toEqual([{ kind: "expire", stage: 0 }]);
		expect(slaSteps(POLICY.stages[1], 1, at, none, hours(1000))).toEqual([]);
	});
});

describe("an expired review", () => {
	it("holds the target as not requested and says why, keeping the decisions made", () => {
		const decided = [
			{ stage: 0, memberId: "mem_admin", decision: "approve" as const, comment: null, versionHash: "v1", at },
		];
		const expired = { ...request, expiredAt: new Date("2026-01-02T00:00:00Z") };
		const state = approvalState(POLICY, expired, decided, "v1");
		expect(state.status).toBe("not_requested");
		expect(state.stageIndex).toBeNull();
		expect(state.voidedReason).toMatch(/expired on 2026-01-02.*Request a new review/);
		expect(state.stages[0]?.decisions).toHaveLength(1);
		expect(missingStages(state)).toEqual(["Content", "Final"]);
	});
});

describe("version hash", () => {
	const base = {
		content: { subject: "Hi", html: "<p>x</p>" },
		from: { email: "a@x.example", name: "A" },
		segment: { id: "seg_1", definition: { all: [{ tag: "vip" }, { field: "country", op: "eq", value: "FR" }] } },
		variants: [],
	};

	it("is stable across key order and changes with content, audience or sender", async () => {
		const h = await versionHash(base);
		expect(h).toMatch(/^v1:[0-9a-f]{32}$/);
		const reordered = {
			variants: [],
			segment: { definition: { all: [{ tag: "vip" }, { value: "FR", op: "eq", field: "country" }] }, id: "seg_1" },
			from: { name: "A", email: "a@x.example" },
			content: { html: "<p>x</p>", subject: "Hi" },
		};
		expect(await versionHash(reordered)).toBe(h);
		expect(await versionHash({ ...base, content: { ...base.content, subject: "Hi!" } })).not.toBe(h);
		expect(await versionHash({ ...base, from: { ...base.from, email: "b@x.example" } })).not.toBe(h);
		expect(await versionHash({ ...base, segment: { id: "seg_2", definition: null } })).not.toBe(h);
		expect(await versionHash({ ...base, variants: [{ name: "B", subject: "Yo" }] })).not.toBe(h);
		expect(canonicalJson({ b: 1, a: [2, { d: 1, c: undefined }] })).toBe('{"a":[2,{"d":1}],"b":1}');
	});
});
