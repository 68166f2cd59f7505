import { PageHeader } from "../../components/PageHeader";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { ApprovalPolicyCard } from "./ApprovalPolicyCard";
import { NotificationSettingsCard } from "./NotificationSettingsCard";

/** Settings → Approvals: the workspace's approval policy and how each member is notified. */
export default function Teamwork() {
	const me = useMe();
	return (
		<>
			<PageHeader
				title="Approvals and notifications"
				description="Who reviews a campaign before it goes out, and how you hear about it."
			/>
			<div class="stack">
				<ApprovalPolicyCard canEdit={atLeast(me().role, "admin")} />
				<NotificationSettingsCard isAdmin={atLeast(me().role, "admin")} />
			</div>
		</>
	);
}
