import type { JSX } from "solid-js";
import { Button } from "./Button";
import { CopyField } from "./CopyField";
import { Dialog } from "./Dialog";
import { FormAlert } from "./FormAlert";

/** Shows a secret once (a new API key, a webhook signing secret) with a Copy button and how to use it. */
export function SecretOnceDialog(props: {
	open: boolean;
	title: string;
	description?: string | undefined;
	warning: string;
	label: string;
	value: string;
	testId: string;
	onClose: () => void;
	children: JSX.Element;
}) {
	return (
		<Dialog
			open={props.open}
			title={props.title}
			description={props.description}
			onClose={props.onClose}
			footer={
				<Button variant="primary" onClick={props.onClose}>
					I have saved it
				</Button>
			}
		>
			<div class="stack">
				<FormAlert tone="warning" message={props.warning} />
				<CopyField label={props.label} value={props.value} testId={props.testId} />
				<p class="muted small">{props.children}</p>
			</div>
		</Dialog>
	);
}
