import type { ApprovalPolicy } from "../../contracts/approvals";

export type PolicyIssue = { path: string; message: string };

/**
 * What would make a policy's stage impossible or ambiguous, each named by its field: two stages of one name (a
 * review names the stage it waits for), an approver who is not a member of the workspace, or more approvals asked
 * of a stage than the members it names could give.
 */
export function policyIssues(policy: ApprovalPolicy, memberIds: ReadonlySet<string>): PolicyIssue[] {
	const issues: PolicyIssue[] = [];
	const seen = new Set<string>();
	for (const [i, stage] of policy.stages.entries()) {
		const name = stage.name.trim().toLowerCase();
		if (seen.has(name)) issues.push({ path: `stages.${i}.name`, message: `Another stage is named "${stage.name}"` });
		seen.add(name);
		const ids = stage.approver_ids ?? [];
		for (const [j, id] of ids.entries())
			if (!memberIds.has(id))
				issues.push({ path: `stages.${i}.approver_ids.${j}`, message: `No member "${id}" in this workspace` });
		const distinct = new Set(ids).size;
		if (distinct > 0 && !stage.approver_roles?.length && stage.min_approvals > distinct)
			issues.push({
				path: `stages.${i}.min_approvals`,
				message: `The stage names ${distinct} approver${distinct === 1 ? "" : "s"}; it cannot get ${stage.min_approvals} approvals`,
			});
	}
	return issues;
}
