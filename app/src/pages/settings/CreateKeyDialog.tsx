import { createSignal } from "solid-js";
import { FormDialog } from "../../components/FormDialog";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { createApiKey } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { atLeast, grantable, roleOptions } from "../../lib/roles";
import type { Role } from "../../lib/types";

type Created = { name: string; key: string };
type KeyRole = Role | "ingest";

/** Admins may also make an ingest key: it only sends contacts and events, so it can sit in a web page. */
const INGEST_OPTION = {
	value: "ingest",
	label: "Ingest: only sends contacts and events (Segment-style /v1 calls, the website snippet)",
};

export function CreateKeyDialog(props: {
	open: boolean;
	myRole: Role;
	onClose: () => void;
	onCreated: (key: Created) => void;
}) {
	const [name, setName] = createSignal("");
	const [role, setRole] = createSignal<KeyRole>("editor");
	const form = createSubmission(async () => {
		const created = await createApiKey({ name: name(), role: role() });
		setName("");
		props.onCreated(created);
	}, ["name", "role"]);
	return (
		<FormDialog
			open={props.open}
			title="Create API key"
			description="The key acts with the role you choose. You will see the secret once."
			submitLabel="Create key"
			form={form}
			onClose={props.onClose}
		>
			<TextField
				label="Name"
				name="name"
				placeholder="e.g. Website signup sync"
				autofocus
				required
				value={name()}
				onInput={(e) => setName(e.currentTarget.value)}
				error={form.field("name")}
			/>
			<SelectField
				label="Role"
				name="role"
				options={[...roleOptions(grantable(props.myRole)), ...(atLeast(props.myRole, "admin") ? [INGEST_OPTION] : [])]}
				value={role()}
				onChange={(e) => setRole(e.currentTarget.value as KeyRole)}
				error={form.field("role")}
			/>
		</FormDialog>
	);
}
