import { type Accessor, createRenderEffect, type Setter } from "solid-js";
import type { Column } from "../Table";
import { toggleAll, toggleOne } from "./bulk-logic";

type Options<T> = {
	selected: Accessor<Set<string>>;
	setSelected: Setter<Set<string>>;
	/** The rows shown now ("select all" takes this page's rows). */
	rows: Accessor<T[] | undefined>;
	key: (row: T) => string;
	name: (row: T) => string;
};

/** The checkbox column of a list page: one box per row, and "select all on this page" in the header. */
export function selectColumn<T>(o: Options<T>): Column<T> {
	const pageIds = () => (o.rows() ?? []).map(o.key);
	const allOnPage = () => pageIds().length > 0 && pageIds().every((id) => o.selected().has(id));
	const someOnPage = () => !allOnPage() && pageIds().some((id) => o.selected().has(id));
	return {
		header: "Select",
		class: "cell-select",
		headerCell: () => (
			<input
				type="checkbox"
				aria-label="Select all on this page"
				checked={allOnPage()}
				ref={(el) => createRenderEffect(() => (el.indeterminate = someOnPage()))}
				onChange={() => o.setSelected((s) => toggleAll(s, pageIds()))}
			/>
		),
		cell: (row) => (
			<input
				type="checkbox"
				aria-label={`Select ${o.name(row)}`}
				checked={o.selected().has(o.key(row))}
				onChange={() => o.setSelected((s) => toggleOne(s, o.key(row)))}
			/>
		),
	};
}
