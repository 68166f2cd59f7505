import { useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, on, Show } from "solid-js";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { SearchField } from "../../components/SearchField";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { type ContactListItem, createList, deleteList, listListsPage } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import { createSubmission } from "../../lib/form";
import { formatNumber, formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { AddForm, deleteColumn } from "../settings/settings-list";
import { ListNameCell } from "./ListNameCell";

/**
 * Static lists: named sets of contacts picked by hand (the Contacts page's "Add to list…"), unlike rule-based
 * segments. A search by name (kept in the URL), pages of 50; editors create, rename and delete lists.
 */
export default function Lists() {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const [params, setParams] = useSearchParams<{ q?: string }>();
	const [search, setSearch] = createSignal(params.q ?? "");
	const settledSearch = createDebounced(search, 300);
	createEffect(on(settledSearch, (q) => setParams({ q: q.trim() || undefined }, { replace: true }), { defer: true }));
	const lists = createPagedList((cursor) => listListsPage({ q: params.q || undefined, cursor }));
	createEffect(
		on(
			() => [me().workspace.id, params.q],
			() => lists.reload(),
		),
	);
	const replace = (saved: ContactListItem) => lists.update((rows) => rows.map((l) => (l.id === saved.id ? saved : l)));
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
			cell: (l) => <ListNameCell list={l} canEdit={canEdit()} onSaved={replace} />,
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
			<section class={canEdit() ? "card card-flush section-gap" : "card card-flush"}>
				<search class="filter-bar">
					<SearchField placeholder="Search lists by name" value={search()} onInput={setSearch} />
				</search>
				<PagedTable
					label="Lists"
					list={lists}
					columns={columns}
					rowKey={(l) => l.id}
					empty={
						<Show
							when={params.q}
							fallback={
								<EmptyState icon="contacts" title="No lists yet">
									Create a list here, or select contacts on the Contacts page and choose Add to list… with a new name.
								</EmptyState>
							}
						>
							<EmptyState icon="contacts" title="No list matches">
								No list's name contains “{params.q}”.
							</EmptyState>
						</Show>
					}
				/>
			</section>
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
