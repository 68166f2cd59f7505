import { createResource, Match, Switch } from "solid-js";
import { BULK_MAX, type BulkFilter, type BulkResource, listMatching, messageOf } from "../../lib/api";
import { Button } from "../Button";

/** What a list page tells its bulk bar for "select all matching": its filters and the rows it shows. */
export type Matching = { filter: BulkFilter; pageIds: string[]; hasMore: boolean };
/** Every row matching the filters (up to one bulk call's worth), and whether more match. */
export type AllMatching = Awaited<ReturnType<typeof listMatching>>;

type Props = {
	resource: BulkResource;
	noun: string;
	matching: Matching;
	selected: Set<string>;
	all: AllMatching | undefined;
	setAll: (all: AllMatching | undefined) => void;
};

/**
 * Gmail's "select all matching": once every row shown is selected and the list has more, offers (with the count)
 * to select every row matching the list's filters; then says so, with the way back to this page only.
 */
export function SelectAllBanner(props: Props) {
	const pageSelected = () =>
		props.matching.pageIds.length > 0 && props.matching.pageIds.every((id) => props.selected.has(id));
	const offered = () => !props.all && props.matching.hasMore && pageSelected();
	// Counted as soon as it is offered, so the offer says how many.
	const [found] = createResource(
		() => (offered() ? JSON.stringify([props.matching.filter, props.matching.pageIds]) : false),
		() => listMatching(props.resource, props.matching.filter),
	);
	const offer = (all: AllMatching) =>
		all.more
			? `Select all ${props.noun} matching (more than ${BULK_MAX})`
			: `Select all ${all.items.length} ${props.noun} matching`;
	return (
		<Switch>
			<Match when={props.all}>
				{(all) => (
					<div class="bulk-banner" role="status" data-testid="bulk-all-matching">
						<span>
							{all().more
								? `More than ${BULK_MAX} ${props.noun} match these filters; one action takes at most ${BULK_MAX}: narrow the filters.`
								: `All ${all().items.length} ${props.noun} matching these filters are selected.`}
						</span>
						<Button size="sm" variant="ghost" onClick={() => props.setAll(undefined)}>
							Select only this page
						</Button>
					</div>
				)}
			</Match>
			<Match when={offered()}>
				<div class="bulk-banner" data-testid="bulk-select-all">
					<span>
						All {props.matching.pageIds.length} {props.noun} on this page are selected.
					</span>
					<Button
						size="sm"
						variant="ghost"
						loading={found.loading}
						disabled={!found.latest}
						onClick={() => props.setAll(found.latest)}
					>
						{found.latest ? offer(found.latest) : "Select all matching"}
					</Button>
					<span class="small text-danger">{found.error ? messageOf(found.error) : ""}</span>
				</div>
			</Match>
		</Switch>
	);
}
