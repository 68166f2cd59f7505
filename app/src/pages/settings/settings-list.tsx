import { createEffect, createSignal, type JSX, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { type Column, Table } from "../../components/Table";
import { messageOf } from "../../lib/api";
import type { createSubmission } from "../../lib/form";
import { useMe } from "../../lib/session";

/** A settings list read in one call: loaded again when the workspace changes, and on `reload()`. */
export function createWorkspaceList<T>(load: () => Promise<{ data: T[] }>) {
	const me = useMe();
	const [rows, setRows] = createSignal<T[]>();
	const [error, setError] = createSignal<string>();
	const reload = async () => {
		setError(undefined);
		try {
			setRows((await load()).data);
		} catch (e) {
			setError(messageOf(e));
		}
	};
	createEffect(
		on(
			() => me().workspace.id,
			() => void reload(),
		),
	);
	return { rows, error, reload };
}

/** The list's card: its load error, the table, its loading and empty states. */
export function ListCard<T>(props: {
	label: string;
	list: ReturnType<typeof createWorkspaceList<T>>;
	columns: Column<T>[];
	rowKey: (row: T) => string;
	empty: JSX.Element;
}) {
	return (
		<section class="card card-flush">
			<FormAlert message={props.list.error()} />
			<Table
				label={props.label}
				columns={props.columns}
				rows={props.list.rows()}
				loading={props.list.rows() === undefined && !props.list.error()}
				rowKey={props.rowKey}
				empty={props.empty}
			/>
		</section>
	);
}

/** The card form that adds one item to a settings list: its fields, the API's errors, one submit button. */
export function AddForm(props: {
	legend: string;
	submitLabel: string;
	submission: ReturnType<typeof createSubmission>;
	children: JSX.Element;
}) {
	return (
		<form class="card form-card" onSubmit={props.submission.submit} noValidate>
			<fieldset class="stack" disabled={props.submission.pending()}>
				<legend class="sr-only">{props.legend}</legend>
				<FormAlert message={props.submission.formError()} />
				{props.children}
			</fieldset>
			<div class="form-actions">
				<Button type="submit" variant="primary" loading={props.submission.pending()}>
					{props.submitLabel}
				</Button>
			</div>
		</form>
	);
}

/** The last column of a settings list: a Delete button per row, for those allowed to delete. */
export function deleteColumn<T extends { name: string }>(
	canDelete: () => boolean,
	onDelete: (row: T) => void,
): Column<T> {
	return {
		header: "",
		class: "cell-actions",
		cell: (row) => (
			<Show when={canDelete()}>
				<Button
					variant="ghost"
					size="sm"
					class="text-danger"
					onClick={() => onDelete(row)}
					aria-label={`Delete ${row.name}`}
				>
					Delete
				</Button>
			</Show>
		),
	};
}
