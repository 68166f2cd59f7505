import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { type BulkItemResult, type BulkResource, messageOf, runBulk } from "../../lib/api";
import { Button } from "../Button";
import { ConfirmDialog } from "../ConfirmDialog";
import { FormAlert } from "../FormAlert";
import { TextField } from "../TextField";
import {
	BULK_MENU,
	type BulkActionDef,
	failedIds,
	type ListChoice,
	listParams,
	parseTags,
	summarize,
} from "./bulk-logic";
import { ListPicker } from "./ListPicker";
import { type AllMatching, type Matching, SelectAllBanner } from "./SelectAllBanner";
import "./bulk.css";

type Props = {
	resource: BulkResource;
	/** What the rows are called ("campaigns"). */
	noun: string;
	selected: Set<string>;
	setSelected: (ids: Set<string>) => void;
	/** A selected item's name, for the results. */
	nameOf: (id: string) => string;
	/** After a call: reload the list (items changed, some may be gone). */
	onDone: () => void;
	/** The list's filters and shown rows: offers to select every row matching (beyond the loaded pages). */
	matching?: Matching;
};

type Outcome = { def: BulkActionDef; items: (BulkItemResult & { name: string })[] };

/**
 * The action bar of a list page with selected rows: the resource's actions (tags asked for, destructive ones
 * confirmed), then each item's result (done, or the reason it was refused) until dismissed.
 */
export function BulkBar(props: Props) {
	const [asking, setAsking] = createSignal<BulkActionDef>();
	const [tags, setTags] = createSignal("");
	const [list, setList] = createSignal<ListChoice>({ listId: "", name: "" });
	const [busy, setBusy] = createSignal<string>();
	const [error, setError] = createSignal<string>();
	const [outcome, setOutcome] = createSignal<Outcome>();
	// Every row matching the list's filters: the action goes to the server with the filters instead of ids.
	const [all, setAll] = createSignal<AllMatching>();
	// Another selection or other filters end it (a refresh of the rows shown does not).
	const filterKey = createMemo(() => JSON.stringify(props.matching?.filter ?? null));
	createEffect(on([() => props.selected, filterKey], () => setAll(undefined), { defer: true }));
	const count = () => all()?.items.length ?? props.selected.size;
	// More matching rows than one call takes: said as such (the server refuses the call, and says so).
	const countText = () => (all()?.more ? `More than ${count()}` : String(count()));

	const run = async (def: BulkActionDef) => {
		const matching = all() && props.matching;
		const ids = [...props.selected];
		const names = new Map(matching ? all()?.items.map((i) => [i.id, i.name]) : ids.map((id) => [id, props.nameOf(id)]));
		const params = def.tags ? { tags: parseTags(tags()) } : def.list ? listParams(list()) : undefined;
		const items = matching ? { filter: matching.filter } : { ids };
		setBusy(def.label);
		setError(undefined);
		try {
			const results = await runBulk({ resource: props.resource, action: def.action as never, ...items, params });
			setAll(undefined);
			setOutcome({ def, items: results.map((r) => ({ ...r, name: names.get(r.id) ?? r.id })) });
			setAsking(undefined);
			setTags("");
			setList({ listId: "", name: "" });
			props.setSelected(failedIds(results));
			props.onDone();
		} catch (e) {
			setError(messageOf(e));
			throw e;
		} finally {
			setBusy(undefined);
		}
	};
	const choose = (def: BulkActionDef) => {
		setError(undefined);
		// Taking contacts off a list starts from the list the page is filtered by.
		if (def.list) setList({ listId: def.list === "existing" ? (props.matching?.filter.list_id ?? "") : "", name: "" });
		if (def.tags || def.list || def.danger) setAsking(def);
		else void run(def).catch(() => undefined);
	};

	return (
		<>
			<Show when={count() > 0}>
				<section class="bulk-bar" aria-label="Bulk actions" data-testid="bulk-bar">
					<strong>
						{countText()} {countText() === "1" ? props.noun.replace(/s$/, "") : props.noun} selected
					</strong>
					<div class="bulk-actions">
						<For each={BULK_MENU[props.resource]}>
							{(def) => (
								<Button
									size="sm"
									variant={def.danger ? "ghost" : "secondary"}
									class={def.danger ? "text-danger" : undefined}
									loading={busy() === def.label}
									disabled={Boolean(busy())}
									onClick={() => choose(def)}
								>
									{def.label}
								</Button>
							)}
						</For>
						<Button size="sm" variant="ghost" onClick={() => props.setSelected(new Set())}>
							Clear selection
						</Button>
					</div>
					<Show when={props.matching}>
						{(matching) => (
							<SelectAllBanner
								resource={props.resource}
								noun={props.noun}
								matching={matching()}
								selected={props.selected}
								all={all()}
								setAll={setAll}
							/>
						)}
					</Show>
					<Show when={asking()?.tags || asking()?.list ? asking() : undefined}>
						{(def) => (
							<form
								class="bulk-tags"
								onSubmit={(event) => {
									event.preventDefault();
									if (def().list && !listParams(list()))
										return setError(def().list === "new" ? "Choose a list or name a new one" : "Choose a list");
									if (def().tags && parseTags(tags()).length === 0) return setError("Name at least one tag");
									void run(def()).catch(() => undefined);
								}}
							>
								<Show
									when={def().list}
									fallback={
										<TextField
											name="bulk-tags"
											label="Tags, separated by commas"
											value={tags()}
											autofocus
											onInput={(e) => setTags(e.currentTarget.value)}
										/>
									}
								>
									<ListPicker choice={list()} onChange={setList} allowNew={def().list === "new"} />
								</Show>
								<Button type="submit" size="sm" variant="primary" loading={Boolean(busy())}>
									Apply to {countText()}
								</Button>
								<Button size="sm" variant="ghost" onClick={() => setAsking(undefined)}>
									Cancel
								</Button>
							</form>
						)}
					</Show>
					<FormAlert message={asking()?.danger ? undefined : error()} />
				</section>
			</Show>
			<Show when={outcome()}>
				{(o) => (
					<section class="bulk-results" aria-label="Results" data-testid="bulk-results">
						<div class="card-head">
							<strong role="status">{summarize(o().items, o().def.done)}</strong>
							<Button size="sm" variant="ghost" onClick={() => setOutcome(undefined)}>
								Dismiss
							</Button>
						</div>
						<ul>
							<For each={o().items}>
								{(item) => (
									<li data-testid="bulk-result" data-ok={item.ok ? "true" : "false"}>
										<span class={item.ok ? "bulk-ok" : "bulk-failed"} aria-hidden="true">
											{item.ok ? "✓" : "✕"}
										</span>{" "}
										<span>{item.name}</span>{" "}
										<span class="muted small">{item.ok ? o().def.done : item.error?.message}</span>
									</li>
								)}
							</For>
						</ul>
					</section>
				)}
			</Show>
			<ConfirmDialog
				open={Boolean(asking()?.danger)}
				title={`${asking()?.label ?? ""} ${countText()} ${props.noun}?`}
				confirmLabel={asking()?.label ?? "Confirm"}
				onClose={() => setAsking(undefined)}
				onConfirm={async () => {
					const def = asking();
					if (def) await run(def);
				}}
			>
				<p>
					Each selected item is {asking()?.done} if its own rules allow it; the others are listed with the reason.
					{asking()?.action === "erase" ? " Erased contacts lose their personal data for good." : ""}
				</p>
			</ConfirmDialog>
		</>
	);
}
