import { TextField } from "../../../components/TextField";
import { fieldIssue, useBuilder } from "../builder/context";
import type { Node } from "../model/graph";
import { compact, editNode, splitList } from "./node-edit";

type Webhook = Extract<Node, { type: "webhook" }>;
type Update = Extract<Node, { type: "update_contact" }>;

/** Webhook: a signed POST with the contact and the entry event, retried on failure. */
export function WebhookFields(props: { id: string; node: Webhook }) {
	const builder = useBuilder();
	return (
		<TextField
			label="URL"
			name="url"
			type="url"
			value={props.node.url}
			hint="https only (localhost while running locally). Signed like Pulse's webhooks, retried on failure."
			error={fieldIssue(builder, props.id, "url")}
			onChange={(e) => editNode<Webhook>(builder, props.id, (n) => ({ ...n, url: e.currentTarget.value.trim() }))}
		/>
	);
}

const attributesText = (values: Update["set_attributes"]) =>
	Object.entries(values ?? {})
		.map(([k, v]) => `${k}=${v ?? ""}`)
		.join("\n");

function parseAttributes(text: string): Update["set_attributes"] {
	const entries = text
		.split("\n")
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const at = line.indexOf("=");
			return at < 0 ? [line, null] : [line.slice(0, at).trim(), line.slice(at + 1).trim() || null];
		});
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Update contact: attributes to set (one `name=value` a line), tags to add or remove. */
export function UpdateFields(props: { id: string; node: Update }) {
	const builder = useBuilder();
	const issue = (field: string) => fieldIssue(builder, props.id, field);
	const set = (patch: Partial<Update>) => editNode<Update>(builder, props.id, (n) => compact({ ...n, ...patch }));
	const tags = (text: string) => {
		const list = splitList(text);
		return list.length > 0 ? list : undefined;
	};
	return (
		<>
			<TextField
				label="Add tags"
				name="add_tags"
				value={(props.node.add_tags ?? []).join(", ")}
				hint="Comma-separated"
				error={issue("add_tags")}
				onChange={(e) => set({ add_tags: tags(e.currentTarget.value) })}
			/>
			<TextField
				label="Remove tags"
				name="remove_tags"
				value={(props.node.remove_tags ?? []).join(", ")}
				hint="Comma-separated"
				error={issue("remove_tags")}
				onChange={(e) => set({ remove_tags: tags(e.currentTarget.value) })}
			/>
			<TextField
				multiline
				label="Set attributes"
				name="set_attributes"
				rows={3}
				value={attributesText(props.node.set_attributes)}
				hint="One a line: plan=pro (an empty value clears it)"
				error={issue("set_attributes")}
				onChange={(e) => set({ set_attributes: parseAttributes(e.currentTarget.value) })}
			/>
		</>
	);
}
