import { For, type JSX, Show } from "solid-js";
import { LoadingState } from "./Spinner";

export type Column<T> = {
	header: string;
	cell: (row: T) => JSX.Element;
	class?: string;
	/** Shown in the header instead of `header` (e.g. a "select all" box); `header` still names the column. */
	headerCell?: () => JSX.Element;
};

type Props<T> = {
	label: string;
	columns: Column<T>[];
	rows: T[] | undefined;
	loading?: boolean;
	empty: JSX.Element;
	rowKey?: (row: T) => string;
	/** Makes rows clickable (a link inside the row keeps it reachable by keyboard). */
	onRowClick?: (row: T) => void;
};

/** A data table with its loading and empty states; scrolls sideways on narrow screens. */
export function Table<T>(props: Props<T>) {
	return (
		<Show when={!props.loading || (props.rows?.length ?? 0) > 0} fallback={<LoadingState />}>
			<Show when={(props.rows?.length ?? 0) > 0} fallback={props.empty}>
				<div class="table-wrap">
					<table class="table" aria-label={props.label}>
						<thead>
							<tr>
								<For each={props.columns}>
									{(column) => <th class={column.class}>{column.headerCell ? column.headerCell() : column.header}</th>}
								</For>
							</tr>
						</thead>
						<tbody>
							<For each={props.rows}>
								{(row) => (
									<tr
										data-row-key={props.rowKey?.(row)}
										classList={{ "row-link": Boolean(props.onRowClick) }}
										onClick={(event) => {
											// Let links, buttons and form controls inside the row do their own thing.
											if (!props.onRowClick || (event.target as Element).closest("a, button, input, select, label"))
												return;
											props.onRowClick(row);
										}}
									>
										<For each={props.columns}>
											{(column) => (
												<td class={column.class} data-label={column.header}>
													{column.cell(row)}
												</td>
											)}
										</For>
									</tr>
								)}
							</For>
						</tbody>
					</table>
				</div>
			</Show>
		</Show>
	);
}
