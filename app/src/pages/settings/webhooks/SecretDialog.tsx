import { Button } from "../../../components/Button";
import { CopyField } from "../../../components/CopyField";
import { Dialog } from "../../../components/Dialog";
import { FormAlert } from "../../../components/FormAlert";

/** Shows an endpoint's signing secret, once (after adding it or rotating the secret). */
export function SecretDialog(props: {
	secret?: { url: string; secret: string; rotated: boolean };
	onClose: () => void;
}) {
	return (
		<Dialog
			open={props.secret !== undefined}
			title={props.secret?.rotated ? "New signing secret" : "Endpoint added"}
			description={props.secret?.url}
			onClose={props.onClose}
			footer={
				<Button variant="primary" onClick={props.onClose}>
					I have saved it
				</Button>
			}
		>
			<div class="stack">
				<FormAlert tone="warning" message="Copy this secret now: it will not be shown again." />
				<CopyField label="Signing secret" value={props.secret?.secret ?? ""} testId="webhook-secret" />
				<p class="muted small">
					Verify each request's <code class="mono">webhook-signature</code> with it (any Standard Webhooks library
					does).
					{props.secret?.rotated ? " For the next 24 hours requests are signed with the old secret too." : ""}
				</p>
			</div>
		</Dialog>
	);
}
