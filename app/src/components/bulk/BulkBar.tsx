import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { type BulkResource, messageOf, runBulk } from "../../lib/api";
import { FormAlert } from "../FormAlert";
import { BulkConfirm } from "./BulkConfirm";
import { BulkMenu } from "./BulkMenu";
import { type BulkParams, BulkParamsForm } from "./BulkParamsForm";
import { BulkResults, type Outcome } from "./BulkResults";
import { type BulkActionDef, failedIds } from "./bulk-logic";
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

/**
 * The action bar of a list page with selected rows: the resource's actions (tags or a list asked for, destructive
 * ones confirmed), then each item's result (done, or the reason it was refused) until dismissed.
 */
export function BulkBar(props: Props) {
	const [asking, setAsking] = createSignal<BulkActionDef>();
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

	const run = async (def: BulkActionDef, params?: BulkParams) => {
		const matching = all() && props.matching;
		const ids = [...props.selected];
		const names = new Map(matching ? all()?.items.map((i) => [i.id, i.name]) : ids.map((id) => [id, props.nameOf(id)]));
		const items = matching ? { filter: matching.filter } : { ids };
		setBusy(def.label);
		setError(undefined);
		try {
			const results = await runBulk({ resource: props.resource, action: def.action as never, ...items, params });
			setAll(undefined);
			setOutcome({ def, items: results.map((r) => ({ ...r, name: names.get(r.id) ?? r.id })) });
			setAsking(undefined);
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
					<BulkMenu
						resource={props.resource}
						busy={busy()}
						onChoose={choose}
						onClear={() => props.setSelected(new Set())}
					/>
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
					{/* Keyed: each action asked for starts afresh (taking contacts off a list starts from the page's list). */}
					<Show when={asking()?.tags || asking()?.list ? asking() : undefined} keyed>
						{(def) => (
							<BulkParamsForm
								def={def}
								listId={def.list === "existing" ? (props.matching?.filter.list_id ?? "") : ""}
								countText={countText()}
								busy={Boolean(busy())}
								onApply={(params) => void run(def, params).catch(() => undefined)}
								onInvalid={setError}
								onCancel={() => setAsking(undefined)}
							/>
						)}
					</Show>
					<FormAlert message={asking()?.danger ? undefined : error()} />
				</section>
			</Show>
			<Show when={outcome()}>{(o) => <BulkResults outcome={o()} onDismiss={() => setOutcome(undefined)} />}</Show>
			<BulkConfirm
				def={asking()}
				countText={countText()}
				noun={props.noun}
				onClose={() => setAsking(undefined)}
				onConfirm={(def) => run(def)}
			/>
		</>
	);
}
