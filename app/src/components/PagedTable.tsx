import { type JSX, Show } from "solid-js";
import type { PagedList } from "../lib/paged";
import { Button } from "./Button";
import { FormAlert } from "./FormAlert";
import { type Column, Table } from "./Table";

type Props<T> = {
	label: string;
	columns: Column<T>[];
	/** The list to show (lib/paged.ts): its rows, loading state, error and next page. */
	list: PagedList<T>;
	empty: JSX.Element;
	rowKey?: (row: T) => string;
	onRowClick?: (row: T) => void;
};

/** A cursor-paginated table: the error above it, a spinner until the first page, an empty state, and "Load more". */
export function PagedTable<T>(props: Props<T>) {
	return (
		<>
			<FormAlert message={props.list.error()} />
			<Table
				label={props.label}
				columns={props.columns}
				rows={props.list.items()}
				loading={props.list.loading()}
				rowKey={props.rowKey}
				onRowClick={props.onRowClick}
				empty={props.empty}
			/>
			<Show when={props.list.hasMore()}>
				<div class="table-more">
					<Button onClick={() => props.list.loadMore()} loading={props.list.loading()}>
						Load more
					</Button>
				</div>
			</Show>
		</>
	);
}
