import type { ApprovalPolicy } from "../../lib/api";
import type { Role } from "../../lib/types";

/** A stage as the policy form edits it (text inputs; numbers and lists parsed on save). */
export type StageDraft = {
	name: string;
	role: Role | "named";
	approverIds: string[];
	minApprovals: string;
	slaHours: string;
	escalateTo: Role | "";
};

export const emptyStage = (): StageDraft => ({
	name: "",
	role: "admin",
	approverIds: [],
	minApprovals: "1",
	slaHours: "",
	escalateTo: "",
});

export function toDrafts(policy: ApprovalPolicy): StageDraft[] {
	return policy.stages.map((s) => ({
		name: s.name,
		role: s.approver_ids?.length ? "named" : (s.approver_roles?.[0] ?? "admin"),
		approverIds: s.approver_ids ?? [],
		minApprovals: String(s.min_approvals),
		slaHours: s.sla_hours ? String(s.sla_hours) : "",
		escalateTo: s.escalate_to_role ?? "",
	}));
}

export function fromDrafts(stages: StageDraft[], minAudience: string, tags: string, allowSelf: boolean) {
	const tagList = tags
		.split(",")
		.map((t) => t.trim())
		.filter(Boolean);
	return {
		stages: stages.map((s) => ({
			name: s.name.trim(),
			...(s.role === "named" ? { approver_ids: s.approverIds } : { approver_roles: [s.role] }),
			min_approvals: Number(s.minApprovals) || 1,
			...(s.slaHours ? { sla_hours: Number(s.slaHours) } : {}),
			...(s.escalateTo ? { escalate_to_role: s.escalateTo } : {}),
		})),
		...(minAudience || tagList.length
			? {
					applies_when: {
						...(minAudience ? { min_audience: Number(minAudience) } : {}),
						...(tagList.length ? { tags: tagList } : {}),
					},
				}
			: {}),
		allow_self_approval: allowSelf,
	};
}
