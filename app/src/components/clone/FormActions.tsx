import { Button } from "../Button";

/** A dialog form's Cancel and submit buttons (the submit shows progress; Cancel waits for it). */
export function FormActions(props: { pending: boolean; submitLabel: string; onCancel: () => void }) {
	return (
		<div class="dialog-actions">
			<Button onClick={props.onCancel} disabled={props.pending}>
				Cancel
			</Button>
			<Button type="submit" variant="primary" loading={props.pending}>
				{props.submitLabel}
			</Button>
		</div>
	);
}
