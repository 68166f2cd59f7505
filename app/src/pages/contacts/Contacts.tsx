import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { BulkBar } from "../../components/bulk/BulkBar";
import { selectColumn } from "../../components/bulk/SelectColumn";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PagedTable } from "../../components/PagedTable";
import { PageHeader } from "../../components/PageHeader";
import { SearchField } from "../../components/SearchField";
import { SelectField } from "../../components/SelectField";
import { StatusBadge, TagList } from "../../components/StatusBadge";
import type { Column } from "../../components/Table";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { contactsCsvUrl, listContacts, listLists, listSegments } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import { formatDate } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Contact, ContactStatus } from "../../lib/types";
import { ContactDialog, STATUS_OPTIONS } from "./ContactDialog";

type Filters = { q?: string; status?: string; tag?: string; segment?: string; list?: string };

const fullName = (c: Contact) => [c.first_name, c.last_name].filter(Boolean).join(" ");

/** Everyone in the workspace: search, filters (kept in the URL), pages of 50, and adding a contact. */
export default function Contacts() {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const [params, setParams] = useSearchParams<Filters>();
	const [search, setSearch] = createSignal(params.q ?? "");
	const [tag, setTag] = createSignal(params.tag ?? "");
	const settledSearch = createDebounced(search, 300);
	const settledTag = createDebounced(tag, 300);
	const [adding, setAdding] = createSignal(false);
	const [segments] = createResource(
		() => me().workspace.id,
		async () => (await listSegments({ limit: 200 })).data,
	);
	const [lists, { refetch: refetchLists }] = createResource(() => me().workspace.id, listLists);

	createEffect(on(settledSearch, (q) => setParams({ q: q.trim() || undefined }, { replace: true }), { defer: true }));
	createEffect(on(settledTag, (t) => setParams({ tag: t.trim() || undefined }, { replace: true }), { defer: true }));

	const contacts = createPagedList((cursor) =>
		listContacts({
			limit: "50",
			cursor,
			q: params.q || undefined,
			status: (params.status || undefined) as ContactStatus | undefined,
			tag: params.tag || undefined,
			segment_id: params.segment || undefined,
			list_id: params.list || undefined,
		}),
	);
	createEffect(
		on(
			() => [me().workspace.id, params.q, params.status, params.tag, params.segment, params.list],
			() => contacts.reload(),
		),
	);

	const filtered = () => Boolean(params.q || params.status || params.tag || params.segment || params.list);
	const clearFilters = () => {
		setSearch("");
		setTag("");
		setParams(
			{ q: undefined, status: undefined, tag: undefined, segment: undefined, list: undefined },
			{ replace: true },
		);
	};

	const [selected, setSelected] = createSignal(new Set<string>());
	const nameOf = (id: string) => contacts.items()?.find((c) => c.id === id)?.email ?? id;
	const select = selectColumn({ selected, setSelected, rows: contacts.items, key: (c) => c.id, name: (c) => c.email });

	const columns: Column<Contact>[] = [
		...(canEdit() ? [select] : []),
		{
			header: "Email",
			cell: (c) => (
				<A href={`/contacts/${c.id}`} class="strong-link">
					{c.email}
				</A>
			),
		},
		{ header: "Name", cell: (c) => fullName(c) || <span class="muted">—</span> },
		{ header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
		{ header: "Tags", cell: (c) => <TagList tags={c.tags} max={3} /> },
		{ header: "Created", cell: (c) => <span title={c.created_at}>{formatDate(c.created_at)}</span> },
	];

	const actions = (
		<>
			<a
				class="btn btn-secondary btn-md"
				href={contactsCsvUrl({
					q: params.q,
					status: params.status as ContactStatus | undefined,
					tag: params.tag,
					segment_id: params.segment,
					list_id: params.list,
				})}
				download=""
				data-testid="contacts-csv"
				title="Every contact matching these filters, with tags and attributes; it imports back as it is"
			>
				Export CSV
			</a>
			<Show when={canEdit()}>
				<LinkButton href="/contacts/import">Import CSV</LinkButton>
				<Button variant="primary" onClick={() => setAdding(true)}>
					Add contact
				</Button>
			</Show>
		</>
	);

	return (
		<>
			<PageHeader
				title="Contacts"
				description="Everyone you can email, with their attributes, tags, consent and subscription status."
				actions={actions}
			/>
			<section class="card card-flush">
				<search class="filter-bar">
					<SearchField placeholder="Search by email or name" value={search()} onInput={setSearch} />
					<SelectField
						label="Status"
						name="status"
						options={[{ value: "", label: "All statuses" }, ...STATUS_OPTIONS]}
						value={params.status ?? ""}
						onChange={(e) => setParams({ status: e.currentTarget.value || undefined }, { replace: true })}
					/>
					<TextField
						label="Tag"
						name="tag"
						placeholder="Any tag"
						value={tag()}
						onInput={(e) => setTag(e.currentTarget.value)}
					/>
					<SelectField
						label="Segment"
						name="segment"
						options={[
							{ value: "", label: "All contacts" },
							...(segments.latest ?? []).map((s) => ({ value: s.id, label: s.name })),
						]}
						value={params.segment ?? ""}
						onChange={(e) => setParams({ segment: e.currentTarget.value || undefined }, { replace: true })}
					/>
					<SelectField
						label="List"
						name="list"
						options={[
							{ value: "", label: "Any list" },
							...(lists.latest ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.count})` })),
						]}
						value={params.list ?? ""}
						onChange={(e) => setParams({ list: e.currentTarget.value || undefined }, { replace: true })}
					/>
				</search>
				<BulkBar
					resource="contacts"
					noun="contacts"
					selected={selected()}
					setSelected={setSelected}
					nameOf={nameOf}
					onDone={() => {
						contacts.reload();
						void refetchLists();
					}}
					matching={{
						filter: {
							q: params.q || undefined,
							status: params.status || undefined,
							tag: params.tag || undefined,
							segment_id: params.segment || undefined,
							list_id: params.list || undefined,
						},
						pageIds: (contacts.items() ?? []).map((c) => c.id),
						hasMore: contacts.hasMore(),
					}}
				/>
				<PagedTable
					label="Contacts"
					columns={columns}
					list={contacts}
					rowKey={(c) => c.id}
					onRowClick={(c) => navigate(`/contacts/${c.id}`)}
					empty={
						<Show
							when={filtered()}
							fallback={
								<EmptyState
									icon="contacts"
									title="No contacts yet"
									action={
										<Show when={canEdit()}>
											<div class="page-actions">
												<LinkButton href="/contacts/import">Import CSV</LinkButton>
												<Button variant="primary" onClick={() => setAdding(true)}>
													Add contact
												</Button>
											</div>
										</Show>
									}
								>
									Import a CSV exported from a spreadsheet, Mailchimp or HubSpot, add people one by one, or sync them
									from your app with an API key.
								</EmptyState>
							}
						>
							<EmptyState
								icon="contacts"
								title="No contacts match"
								action={<Button onClick={clearFilters}>Clear filters</Button>}
							>
								Try another search, or clear the filters to see everyone.
							</EmptyState>
						</Show>
					}
				/>
			</section>
			<ContactDialog
				open={adding()}
				onClose={() => setAdding(false)}
				onSaved={(contact, created) => {
					setAdding(false);
					toast.success(created ? `Added ${contact.email}` : `Updated ${contact.email}, who was already in your list`);
					navigate(`/contacts/${contact.id}`);
				}}
			/>
		</>
	);
}
