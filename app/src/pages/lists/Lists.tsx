import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { type ContactListItem, createList, deleteList, listLists } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatNumber, formatRelative } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { AddForm, createWorkspaceList, deleteColumn, ListCard } from "../settings/settings-list";

/** Static lists: named sets of contacts picked by hand (the Contacts page's "Add to list…"), unlike rule-based segments. */
export default function Lists() {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const lists = createWorkspaceList(async () => ({ data: await listLists() }));
	const [name, setName] = createSignal("");
	const [description, setDescription] = createSignal("");
	const [removing, setRemoving] = createSignal<ContactListItem>();

	const add = createSubmission(async () => {
		const created = await createList({ name: name(), description: description() || undefined });
		setName("");
		setDescription("");
		toast.success(`${created.name} created: add contacts to it from the Contacts page`);
		await lists.reload();
	}, ["name", "description"]);

	const columns: Column<ContactListItem>[] = [
		{
			header: "List",
			cell: (l) => (
				<div class="member-cell">
					<A href={`/contacts?list=${l.id}`} class="strong-link">
						{l.name}
					</A>
					<Show when={l.description}>
						<span class="muted small">{l.description}</span>
					</Show>
				</div>
			),
		},
		{ header: "Contacts", class: "cell-num", cell: (l) => formatNumber(l.count) },
		{ header: "Updated", cell: (l) => <span title={l.updated_at}>{formatRelative(l.updated_at)}</span> },
		deleteColumn(canEdit, setRemoving),
	];

	return (
		<>
			<PageHeader
				title="Lists"
				description="Named sets of contacts you pick by hand. Select contacts on the Contacts page and use Add to list…; a segment with the List rule mails a list."
			/>
			<Show when={canEdit()}>
				<AddForm legend="Create a list" submitLabel="Create list" submission={add}>
					<TextField
						label="Name"
						name="name"
						placeholder="Webinar attendees"
						value={name()}
						onInput={(e) => setName(e.currentTarget.value)}
						error={add.field("name")}
					/>
					<TextField
						label="Description"
						name="description"
						placeholder="Joined the March webinar"
						value={description()}
						onInput={(e) => setDescription(e.currentTarget.value)}
						error={add.field("description")}
					/>
				</AddForm>
			</Show>
			<ListCard
				label="Lists"
				list={lists}
				columns={columns}
				rowKey={(l) => l.id}
				empty={
					<EmptyState icon="contacts" title="No lists yet">
						Create a list here, or select contacts on the Contacts page and choose Add to list… with a new name.
					</EmptyState>
				}
			/>
			<ConfirmDialog
				open={removing() !== undefined}
				title="Delete list?"
				confirmLabel="Delete list"
				onClose={() => setRemoving(undefined)}
				onConfirm={async () => {
					const l = removing();
					if (!l) return;
					await deleteList(l.id);
					toast.success(`${l.name} was deleted`);
					await lists.reload();
				}}
			>
				<p>
					The {formatNumber(removing()?.count ?? 0)} contacts on <strong>{removing()?.name}</strong> stay contacts;
					segments with this list in a rule then match nobody through it.
				</p>
			</ConfirmDialog>
		</>
	);
}
