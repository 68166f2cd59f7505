import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { SelectField } from "../../../components/SelectField";
import { TextField } from "../../../components/TextField";
import { fieldIssue, useBuilder } from "../builder/context";
import type { Node } from "../model/graph";
import { compact, editNode } from "./node-edit";

type Email = Extract<Node, { type: "send_email" }>;

/** Send email: which template, and optionally another sender name or address. */
export function EmailFields(props: { id: string; node: Email }) {
	const builder = useBuilder();
	const set = (patch: Partial<Email>) => editNode<Email>(builder, props.id, (n) => compact({ ...n, ...patch }));
	const options = () => [
		{ value: "", label: "Choose a template…" },
		...(builder.templates() ?? []).map((t) => ({ value: t.id, label: t.name })),
	];
	return (
		<>
			<SelectField
				label="Template"
				name="template_id"
				options={options()}
				value={props.node.template_id}
				error={fieldIssue(builder, props.id, "template_id")}
				onChange={(e) => set({ template_id: e.currentTarget.value })}
			/>
			<Show when={builder.templates()?.length === 0}>
				<p class="muted small">
					No templates yet: <A href="/templates/new">create one</A>, then pick it here.
				</p>
			</Show>
			<TextField
				label="From name (optional)"
				name="from_name"
				value={props.node.from_name ?? ""}
				error={fieldIssue(builder, props.id, "from_name")}
				onChange={(e) => set({ from_name: e.currentTarget.value || undefined })}
			/>
			<TextField
				label="From address (optional)"
				name="from_email"
				type="email"
				value={props.node.from_email ?? ""}
				hint="The workspace's sender when empty"
				error={fieldIssue(builder, props.id, "from_email")}
				onChange={(e) => set({ from_email: e.currentTarget.value || undefined })}
			/>
		</>
	);
}
