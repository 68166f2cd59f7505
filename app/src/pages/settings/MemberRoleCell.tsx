import { createSignal, Show } from "solid-js";
import { RoleBadge } from "../../components/RoleBadge";
import { SelectField } from "../../components/SelectField";
import { toast } from "../../components/Toasts";
import { messageOf, updateMember } from "../../lib/api";
import { grantable } from "../../lib/roles";
import type { Member, Role } from "../../lib/types";

/** A member's role: a badge, or a select that saves on change for those who may manage them. */
export function MemberRoleCell(props: { member: Member; editable: boolean; myRole: Role }) {
	const [role, setRole] = createSignal<Role>(props.member.role);
	const [saving, setSaving] = createSignal(false);

	const change = async (select: HTMLSelectElement) => {
		const next = select.value as Role;
		const previous = role();
		setRole(next);
		setSaving(true);
		try {
			await updateMember(props.member.id, { role: next });
			toast.success(`${props.member.email} is now ${next}`);
		} catch (error) {
			setRole(previous);
			select.value = previous;
			toast.error(messageOf(error));
		} finally {
			setSaving(false);
		}
	};

	return (
		<Show when={props.editable} fallback={<RoleBadge role={role()} />}>
			<SelectField
				compact
				label={`Role of ${props.member.email}`}
				options={grantable(props.myRole).map((r) => ({ value: r, label: r }))}
				value={role()}
				disabled={saving()}
				onChange={(e) => change(e.currentTarget)}
			/>
		</Show>
	);
}
