import { createResource } from "solid-js";
import { listMembers, type ReviewTarget } from "../../lib/api";
import { ApprovalCard } from "./ApprovalCard";
import { CommentsCard } from "./CommentsCard";

/** The approval and the comment thread of a campaign or journey, for its page. */
export function ReviewPanels(props: { target: ReviewTarget; id: string; canEdit: boolean }) {
	const [members] = createResource(listMembers);
	const nameOf = (memberId: string | null) => {
		const m = members()?.data.find((x) => x.id === memberId);
		return m?.name || m?.email || "A member";
	};
	return (
		<>
			<ApprovalCard target={props.target} id={props.id} canEdit={props.canEdit} nameOf={nameOf} />
			<CommentsCard target={props.target} id={props.id} canEdit={props.canEdit} />
		</>
	);
}
