import { TextField } from "../../../components/TextField";
import { fieldIssue, useBuilder } from "../builder/context";
import type { Node } from "../model/graph";
import { DurationField } from "./DurationField";
import { compact, editNode } from "./node-edit";
import { WhereRows } from "./WhereRows";

type Wait = Extract<Node, { type: "wait_event" }>;

/** Wait for event: the event, an optional property that must equal the entry event's, and how long to wait. */
export function WaitFields(props: { id: string; node: Wait }) {
	const builder = useBuilder();
	const issue = (field: string) => fieldIssue(builder, props.id, field);
	const set = (patch: Partial<Wait>) => editNode<Wait>(builder, props.id, (n) => compact({ ...n, ...patch }));
	return (
		<>
			<TextField
				label="Event"
				name="event"
				value={props.node.event}
				placeholder="e.g. purchase"
				error={issue("event")}
				onChange={(e) => set({ event: e.currentTarget.value.trim() })}
			/>
			<TextField
				label="Same value as the entry event's property (optional)"
				name="match_entry_property"
				value={props.node.match_entry_property ?? ""}
				placeholder="e.g. cart_id"
				hint="Only an event with the same value of this property counts (the same cart, the same order)"
				error={issue("match_entry_property")}
				onChange={(e) => set({ match_entry_property: e.currentTarget.value.trim() || undefined })}
			/>
			<WhereRows
				label="Event properties must match"
				rules={props.node.where}
				error={issue("where")}
				onChange={(where) => set({ where })}
			/>
			<DurationField
				label="Wait at most"
				name="timeout"
				value={props.node.timeout}
				error={issue("timeout")}
				hint="After this, they take the “Timed out” path"
				onChange={(timeout) => set({ timeout })}
			/>
		</>
	);
}
