import { createSignal, Show } from "solid-js";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { createTopic, deleteTopic, listTopics } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatDate } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { AddForm, createWorkspaceList, deleteColumn, ListCard } from "./settings-list";

type Topic = Awaited<ReturnType<typeof listTopics>>["data"][number];

/** The topics contacts can opt out of one by one on their preference page, instead of unsubscribing. */
export default function Topics() {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const topics = createWorkspaceList(listTopics);
	const [name, setName] = createSignal("");
	const [description, setDescription] = createSignal("");
	const [removing, setRemoving] = createSignal<Topic>();

	const add = createSubmission(async () => {
		const created = await createTopic({ name: name(), description: description() || undefined });
		setName("");
		setDescription("");
		toast.success(`${created.name} added: contacts can now opt out of it on their preference page`);
		await topics.reload();
	}, ["name", "description"]);

	const columns: Column<Topic>[] = [
		{
			header: "Topic",
			cell: (t) => (
				<div class="member-cell">
					<strong>{t.name}</strong>
					<Show when={t.description}>
						<span class="muted small">{t.description}</span>
					</Show>
				</div>
			),
		},
		{ header: "Opted out", cell: (t) => t.opted_out.toLocaleString() },
		{ header: "Added", cell: (t) => formatDate(t.created_at) },
		deleteColumn(canEdit, setRemoving),
	];

	return (
		<>
			<PageHeader
				title="Topics"
				description="What your emails are about. The Preferences link in every email lets a contact turn off single topics instead of unsubscribing from everything; a campaign about a topic skips whoever turned it off."
			/>
			<Show when={canEdit()}>
				<AddForm legend="Add a topic" submitLabel="Add topic" submission={add}>
					<TextField
						label="Name"
						name="name"
						placeholder="Product news"
						value={name()}
						onInput={(e) => setName(e.currentTarget.value)}
						error={add.field("name")}
					/>
					<TextField
						label="Description (shown to contacts)"
						name="description"
						placeholder="New features, once a month"
						value={description()}
						onInput={(e) => setDescription(e.currentTarget.value)}
						error={add.field("description")}
					/>
				</AddForm>
			</Show>
			<ListCard
				label="Topics"
				list={topics}
				columns={columns}
				rowKey={(t) => t.id}
				empty={
					<EmptyState icon="segments" title="No topics yet">
						Without topics the Preferences link offers only unsubscribing. Add topics such as “Product news” or “Events”
						so contacts can keep the emails they want.
					</EmptyState>
				}
			/>
			<ConfirmDialog
				open={removing() !== undefined}
				title="Delete topic?"
				confirmLabel="Delete topic"
				onClose={() => setRemoving(undefined)}
				onConfirm={async () => {
					const t = removing();
					if (!t) return;
					await deleteTopic(t.id);
					toast.success(`${t.name} was deleted`);
					await topics.reload();
				}}
			>
				<p>
					Contacts' choices about <strong>{removing()?.name}</strong> are forgotten, and campaigns about it reach
					everyone in their audience again.
				</p>
			</ConfirmDialog>
		</>
	);
}
