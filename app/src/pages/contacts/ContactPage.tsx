import { A, useNavigate, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusBadge, TagList } from "../../components/StatusBadge";
import { type Column, Table } from "../../components/Table";
import { toast } from "../../components/Toasts";
import { ApiError, deleteContact, getContact, messageOf } from "../../lib/api";
import { formatDate, formatRelative } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { ContactDetail } from "../../lib/types";
import { ContactJourneys } from "../journeys/ContactJourneys";
import { ContactDialog } from "./ContactDialog";
import { ContactLists } from "./ContactLists";
import { ContactTimeline } from "./ContactTimeline";

type ContactEvent = ContactDetail["events"][number];

const show = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** One contact: profile, attributes, tags, consent, status history and recent events; edit and GDPR erase. */
export default function ContactPage() {
	const params = useParams<{ id: string }>();
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const [contact, { refetch, mutate }] = createResource(
		() => params.id,
		(id) => getContact(id),
	);
	const [editing, setEditing] = createSignal(false);
	const [erasing, setErasing] = createSignal(false);
	const [typed, setTyped] = createSignal("");

	const notFound = () => contact.error instanceof ApiError && contact.error.status === 404;

	return (
		<Switch fallback={<LoadingState label="Loading contact…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="contacts"
						title="Contact not found"
						action={<LinkButton href="/contacts">Back to contacts</LinkButton>}
					>
						It may have been erased, or it belongs to another workspace.
					</EmptyState>
				</section>
			</Match>
			<Match when={contact.error}>
				<section class="card">
					<EmptyState title="Could not load this contact" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(contact.error)}
					</EmptyState>
				</section>
			</Match>
			<Match when={contact.latest}>
				{(c) => (
					<>
						<nav class="breadcrumb" aria-label="Breadcrumb">
							<A href="/contacts">Contacts</A> <span aria-hidden="true">/</span> <span>{c().email}</span>
						</nav>
						<PageHeader
							title={c().email}
							description={[c().first_name, c().last_name].filter(Boolean).join(" ") || undefined}
							actions={
								<Show when={canEdit()}>
									<Button onClick={() => setEditing(true)}>Edit</Button>
									<Button variant="danger" onClick={() => setErasing(true)}>
										Erase contact
									</Button>
								</Show>
							}
						/>
						<div class="detail-grid">
							<section class="card">
								<h2 class="card-title">Profile</h2>
								<dl class="props">
									<dt>Status</dt>
									<dd>
										<StatusBadge status={c().status} />
									</dd>
									<dt>First name</dt>
									<dd>{c().first_name ?? <span class="muted">—</span>}</dd>
									<dt>Last name</dt>
									<dd>{c().last_name ?? <span class="muted">—</span>}</dd>
									<dt>Timezone</dt>
									<dd>{c().timezone ?? <span class="muted">—</span>}</dd>
									<dt>Locale</dt>
									<dd>{c().locale ?? <span class="muted">—</span>}</dd>
									<dt>Tags</dt>
									<dd>
										<Show when={c().tags.length > 0} fallback={<span class="muted">No tags</span>}>
											<TagList tags={c().tags} />
										</Show>
									</dd>
									<dt>Lists</dt>
									<dd>
										<ContactLists contactId={c().id} />
									</dd>
									<dt>Created</dt>
									<dd>{formatDate(c().created_at)}</dd>
									<dt>Updated</dt>
									<dd>{formatDate(c().updated_at)}</dd>
								</dl>
							</section>
							<section class="card">
								<h2 class="card-title">Consent</h2>
								<Show
									when={c().consent}
									fallback={<p class="muted">No consent record. Contacts added by API or import record one.</p>}
								>
									{(consent) => (
										<dl class="props">
											<dt>Source</dt>
											<dd>{consent().source}</dd>
											<dt>Wording</dt>
											<dd>{consent().text ?? <span class="muted">—</span>}</dd>
											<dt>Given</dt>
											<dd>{consent().at ? formatDate(consent().at ?? "") : <span class="muted">—</span>}</dd>
											<dt>IP address</dt>
											<dd class="mono">{consent().ip ?? <span class="muted">—</span>}</dd>
										</dl>
									)}
								</Show>
							</section>
							<section class="card card-flush">
								<h2 class="card-title card-title-pad">Attributes</h2>
								<Table
									label="Attributes"
									columns={[
										{ header: "Name", cell: ([key]) => <code class="mono">{key}</code> },
										{ header: "Value", cell: ([, value]) => show(value) },
									]}
									rows={Object.entries(c().attributes)}
									rowKey={([key]) => key}
									empty={<p class="muted pad">No attributes. Columns of an imported CSV become attributes.</p>}
								/>
							</section>
							<section class="card">
								<h2 class="card-title">Status history</h2>
								<Show when={c().status_history.length > 0} fallback={<p class="muted">No status changes recorded.</p>}>
									<ol class="timeline">
										<For each={c().status_history}>
											{(h) => (
												<li>
													<span class="timeline-dot" aria-hidden="true" />
													<div>
														<div>
															{h.from ? (
																<>
																	<StatusBadge status={h.from} /> → <StatusBadge status={h.to} />
																</>
															) : (
																<>
																	Became <StatusBadge status={h.to} />
																</>
															)}
														</div>
														<div class="muted small">
															{h.source} · <span title={h.at}>{formatRelative(h.at)}</span>
														</div>
													</div>
												</li>
											)}
										</For>
									</ol>
								</Show>
							</section>
						</div>
						<ContactTimeline contactId={c().id} />
						<ContactJourneys contactId={c().id} />
						<section class="card card-flush section-gap">
							<h2 class="card-title card-title-pad">Recent events</h2>
							<Table
								label="Recent events"
								columns={EVENT_COLUMNS}
								rows={c().events}
								rowKey={(e) => e.id}
								empty={
									<p class="muted pad">
										No events yet. Send them with <code class="mono">POST /api/v1/events</code> to segment on behaviour.
									</p>
								}
							/>
						</section>
						<ContactDialog
							open={editing()}
							contact={c()}
							onClose={() => setEditing(false)}
							onSaved={(saved) => {
								setEditing(false);
								mutate((prev) => (prev ? { ...prev, ...saved } : prev));
								void refetch();
								toast.success("Contact saved");
							}}
						/>
						<ConfirmDialog
							open={erasing()}
							title="Erase this contact?"
							confirmLabel="Erase permanently"
							confirmDisabled={typed().trim().toLowerCase() !== c().email.toLowerCase()}
							onClose={() => {
								setErasing(false);
								setTyped("");
							}}
							onConfirm={async () => {
								await deleteContact(c().id);
								toast.success(`Erased ${c().email}`);
								navigate("/contacts", { replace: true });
							}}
						>
							<p>
								This is a GDPR erasure: <strong>{c().email}</strong>'s name, attributes, tags, consent record and event
								history are deleted for good. It cannot be undone.
							</p>
							<p>
								The address stays on your suppression list, so it is never emailed again, even if it is imported or
								added later.
							</p>
							<div class="field">
								<label for="erase-confirm">Type the email address to confirm</label>
								<input
									id="erase-confirm"
									class="input"
									autocomplete="off"
									value={typed()}
									onInput={(e) => setTyped(e.currentTarget.value)}
								/>
							</div>
						</ConfirmDialog>
					</>
				)}
			</Match>
		</Switch>
	);
}

const EVENT_COLUMNS: Column<ContactEvent>[] = [
	{ header: "Event", cell: (e) => <strong>{e.name}</strong> },
	{
		header: "Properties",
		cell: (e) =>
			Object.keys(e.properties).length > 0 ? (
				<code class="mono small">{JSON.stringify(e.properties)}</code>
			) : (
				<span class="muted">—</span>
			),
	},
	{ header: "When", cell: (e) => <span title={e.occurred_at}>{formatRelative(e.occurred_at)}</span> },
];
