import { describe, expect, it } from "vitest";
import { policyIssues } from "./policy-check";

const members = new Set(["mem_a", "mem_b"]);
const stage = (extra: Record<string, unknown>) => ({ name: "Legal", min_approvals: 1, ...extra });

describe("approval policy checks", () => {
	it("accepts stages of members and roles that can be approved", () => {
		const policy = {
			stages: [
				stage({ approver_ids: ["mem_a", "mem_b"], min_approvals: 2 }),
				stage({ name: "Brand", approver_roles: ["admin"] }),
			],
			allow_self_approval: false,
		};
		expect(policyIssues(policy as never, members)).toEqual([]);
	});

	it("names a repeated stage name, an unknown approver and more approvals than the stage's approvers", () => {
		const policy = {
			stages: [stage({}), stage({ name: "legal", approver_ids: ["mem_a", "mem_nobody"], min_approvals: 3 })],
			allow_self_approval: false,
		};
		expect(policyIssues(policy as never, members).map((i) => i.path)).toEqual([
			"stages.1.name",
			"stages.1.approver_ids.1",
			"stages.1.min_approvals",
		]);
	});
});
