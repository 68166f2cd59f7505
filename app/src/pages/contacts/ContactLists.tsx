import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { listLists } from "../../lib/api";

/** The static lists a contact is on, each opening the list's contacts. */
export function ContactLists(props: { contactId: string }) {
	// The profile shows without them when they cannot be read.
	const [lists] = createResource(
		() => props.contactId,
		(id) => listLists(id).catch(() => []),
	);
	return (
		<Show
			when={(lists.latest ?? []).length > 0}
			fallback={<span class="muted">{lists.loading ? "…" : "No lists"}</span>}
		>
			<span class="tag-list" data-testid="contact-lists">
				<For each={lists.latest}>
					{(list) => (
						<A href={`/contacts?list=${list.id}`} class="tag">
							{list.name}
						</A>
					)}
				</For>
			</span>
		</Show>
	);
}
