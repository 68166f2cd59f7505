import type { JSX } from "solid-js";
import type { createSubmission } from "../lib/form";
import { Button } from "./Button";
import { Dialog } from "./Dialog";
import { FormAlert } from "./FormAlert";

type Submission = Pick<ReturnType<typeof createSubmission>, "pending" | "formError" | "submit" | "reset">;

/**
 * A dialog holding one form: its fields (children), the form-level error above them, and Cancel / submit below.
 * Closing (Cancel, Escape, the backdrop) clears the form's errors first.
 */
export function FormDialog(props: {
	open: boolean;
	title: string;
	description?: string;
	submitLabel: string;
	form: Submission;
	/** Overrides the form-level message (e.g. to leave it out when a field already explains the error). */
	alert?: string | undefined;
	onClose: () => void;
	children: JSX.Element;
}) {
	const close = () => {
		props.form.reset();
		props.onClose();
	};
	return (
		<Dialog
			open={props.open}
			title={props.title}
			description={props.description}
			onClose={close}
			busy={props.form.pending()}
		>
			<form class="stack" onSubmit={props.form.submit} noValidate>
				<FormAlert message={"alert" in props ? props.alert : props.form.formError()} />
				{props.children}
				<div class="dialog-actions">
					<Button onClick={close} disabled={props.form.pending()}>
						Cancel
					</Button>
					<Button type="submit" variant="primary" loading={props.form.pending()}>
						{props.submitLabel}
					</Button>
				</div>
			</form>
		</Dialog>
	);
}
