import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { deleteSavedSearch, listSavedSearches, messageOf, type SearchQuery, saveSearch } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { compactQuery, describeQuery, hasCriteria, searchHref } from "./query";

/** The member's own saved searches: open one, save the current one under a name, delete. */
export function SavedSearches(props: { current: SearchQuery }) {
	const [saved, { refetch }] = createResource(listSavedSearches);
	const [name, setName] = createSignal("");
	const save = createSubmission(async () => {
		if (!name().trim()) throw new Error("Name the search");
		await saveSearch(name().trim(), compactQuery(props.current));
		toast.success(`Saved “${name().trim()}”`);
		setName("");
		void refetch();
	}, ["name"]);
	const remove = async (id: string) => {
		try {
			await deleteSavedSearch(id);
			void refetch();
		} catch (e) {
			toast.error(messageOf(e));
		}
	};

	return (
		<section class="card stack" aria-labelledby="saved-title">
			<h2 id="saved-title" class="card-title">
				Saved searches
			</h2>
			<Show when={(saved()?.length ?? 0) > 0} fallback={<p class="muted small">Only you see the searches you save.</p>}>
				<ul class="saved-list" aria-label="Saved searches">
					<For each={saved()}>
						{(s) => (
							<li>
								<span>
									<A href={searchHref(s.query)} class="strong-link">
										{s.name}
									</A>
									<br />
									<span class="muted small">{describeQuery(s.query)}</span>
								</span>
								<Button variant="ghost" size="sm" aria-label={`Delete ${s.name}`} onClick={() => remove(s.id)}>
									✕
								</Button>
							</li>
						)}
					</For>
				</ul>
			</Show>
			<Show when={hasCriteria(props.current)}>
				<form class="stack" onSubmit={save.submit}>
					<TextField
						label="Save this search as"
						name="saved-name"
						placeholder="Spring drafts"
						value={name()}
						error={save.field("name")}
						onInput={(e) => setName(e.currentTarget.value)}
					/>
					<FormAlert message={save.formError()} />
					<div>
						<Button type="submit" loading={save.pending()}>
							Save search
						</Button>
					</div>
				</form>
			</Show>
		</section>
	);
}
