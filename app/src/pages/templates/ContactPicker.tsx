import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { LoadingState } from "../../components/Spinner";
import { StatusBadge } from "../../components/StatusBadge";
import { TextField } from "../../components/TextField";
import { listContacts, messageOf } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import type { Contact } from "../../lib/types";

/** Who a preview (and a test send) is personalised for: a contact of the workspace, or the sample contact. */
export type PreviewAs = { id: string; email: string; name: string } | null;

export const SAMPLE_LABEL = "Sample contact (Ada Lovelace)";

const nameOf = (c: Contact) => [c.first_name, c.last_name].filter(Boolean).join(" ");

/** Shows who the preview is for, and a dialog to search contacts or go back to the sample contact. */
export function ContactPicker(props: { value: PreviewAs; onChange: (value: PreviewAs) => void }) {
	const [open, setOpen] = createSignal(false);
	const [query, setQuery] = createSignal("");
	const settled = createDebounced(query, 250);
	const [results] = createResource(
		() => (open() ? settled().trim() : false),
		async (q) => (await listContacts({ limit: "8", q: q || undefined })).data,
	);
	const choose = (value: PreviewAs) => {
		props.onChange(value);
		setOpen(false);
	};

	return (
		<div class="preview-as">
			<span class="muted small">Preview as</span>
			<button
				type="button"
				class="link-button preview-as-value"
				data-testid="preview-as"
				onClick={() => setOpen(true)}
				title="Choose whose data personalises the preview"
			>
				{props.value ? props.value.name || props.value.email : SAMPLE_LABEL}
			</button>
			<Dialog
				open={open()}
				title="Preview as a contact"
				description="Personalisation (names, attributes, unsubscribe links) uses this contact's data."
				onClose={() => setOpen(false)}
				footer={<Button onClick={() => setOpen(false)}>Close</Button>}
			>
				<div class="stack">
					<TextField
						label="Search contacts"
						name="preview-contact-q"
						type="search"
						placeholder="Email or name"
						autofocus
						value={query()}
						onInput={(e) => setQuery(e.currentTarget.value)}
					/>
					<ul class="pick-list" aria-label="Contacts">
						<li>
							<button
								type="button"
								class="pick-item"
								aria-current={props.value === null ? "true" : undefined}
								onClick={() => choose(null)}
							>
								<strong>{SAMPLE_LABEL}</strong>
								<span class="muted small">ada@example.com · city: London</span>
							</button>
						</li>
						<Show when={!results.error} fallback={<FormAlert message={messageOf(results.error)} />}>
							<Show when={results.latest} fallback={<LoadingState label="Searching…" />}>
								{(list) => (
									<>
										<For each={list()}>
											{(c) => (
												<li>
													<button
														type="button"
														class="pick-item"
														aria-current={props.value?.id === c.id ? "true" : undefined}
														onClick={() => choose({ id: c.id, email: c.email, name: nameOf(c) })}
													>
														<strong>{c.email}</strong>
														<span class="pick-meta">
															<span class="muted small">{nameOf(c) || "No name"}</span>
															<StatusBadge status={c.status} />
														</span>
													</button>
												</li>
											)}
										</For>
										<Show when={list().length === 0}>
											<li class="muted pad">{query().trim() ? "No contacts match." : "No contacts yet."}</li>
										</Show>
									</>
								)}
							</Show>
						</Show>
					</ul>
				</div>
			</Dialog>
		</div>
	);
}
