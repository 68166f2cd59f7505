import { createEffect, createSignal, on, Show } from "solid-js";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { type Column, Table } from "../../components/Table";
import { toast } from "../../components/Toasts";
import { listMembers, removeMember } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Member } from "../../lib/types";
import { InviteDialog } from "./InviteDialog";
import { MemberRoleCell } from "./MemberRoleCell";

export default function Members() {
	const me = useMe();
	const canManage = () => atLeast(me().role, "admin");
	const members = createPagedList(() => listMembers());
	const [inviting, setInviting] = createSignal(false);
	const [removing, setRemoving] = createSignal<Member>();
	createEffect(
		on(
			() => me().workspace.id,
			() => members.reload(),
		),
	);
	const isMe = (m: Member) => m.status === "active" && m.email === me().user?.email;
	const manageable = (m: Member) => canManage() && !isMe(m) && (m.role !== "owner" || me().role === "owner");

	const columns: Column<Member>[] = [
		{
			header: "Member",
			cell: (m) => (
				<div class="member-cell">
					<strong>
						{m.name ?? m.email}
						{isMe(m) ? " (you)" : ""}
					</strong>
					<Show when={m.name}>
						<span class="muted small">{m.email}</span>
					</Show>
				</div>
			),
		},
		{ header: "Role", cell: (m) => <MemberRoleCell member={m} editable={manageable(m)} myRole={me().role} /> },
		{
			header: "Status",
			cell: (m) => <Badge tone={m.status === "active" ? "success" : "warning"}>{m.status}</Badge>,
		},
		{ header: "Since", cell: (m) => formatDate(m.created_at) },
		{
			header: "",
			class: "cell-actions",
			cell: (m) => (
				<Show when={manageable(m)}>
					<Button
						variant="ghost"
						size="sm"
						class="text-danger"
						onClick={() => setRemoving(m)}
						aria-label={`Remove ${m.email}`}
					>
						{m.status === "invited" ? "Cancel invite" : "Remove"}
					</Button>
				</Show>
			),
		},
	];

	return (
		<>
			<PageHeader
				title="Members"
				description="People who can use this workspace, and invitations waiting to be accepted."
				actions={
					<Show when={canManage()}>
						<Button variant="primary" onClick={() => setInviting(true)}>
							Invite member
						</Button>
					</Show>
				}
			/>
			<section class="card card-flush">
				<FormAlert message={members.error()} />
				<Table
					label="Members"
					columns={columns}
					rows={members.items()}
					loading={members.loading()}
					rowKey={(m) => m.id}
					empty={
						<EmptyState icon="members" title="No members yet">
							Invite your team to work on campaigns together.
						</EmptyState>
					}
				/>
			</section>
			<InviteDialog
				open={inviting()}
				myRole={me().role}
				onClose={() => setInviting(false)}
				onInvited={() => void members.reload()}
			/>
			<ConfirmDialog
				open={removing() !== undefined}
				title={removing()?.status === "invited" ? "Cancel invitation?" : "Remove member?"}
				confirmLabel={removing()?.status === "invited" ? "Cancel invitation" : "Remove member"}
				onClose={() => setRemoving(undefined)}
				onConfirm={async () => {
					const member = removing();
					if (!member) return;
					await removeMember(member.id);
					toast.success(`${member.email} ${member.status === "invited" ? "will not be able to join" : "was removed"}`);
					await members.reload();
				}}
			>
				<p>
					<strong>{removing()?.email}</strong>{" "}
					{removing()?.status === "invited"
						? "will no longer be able to use their invitation link."
						: "loses access to this workspace at once."}
				</p>
			</ConfirmDialog>
		</>
	);
}
