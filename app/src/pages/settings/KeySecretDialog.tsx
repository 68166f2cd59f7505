import { Button } from "../../components/Button";
import { CopyField } from "../../components/CopyField";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";

/** Shows a new key's secret, once, with a Copy button. */
export function KeySecretDialog(props: { secret?: { name: string; key: string }; onClose: () => void }) {
	return (
		<Dialog
			open={props.secret !== undefined}
			title="Your new API key"
			description={props.secret ? `“${props.secret.name}” is ready.` : undefined}
			onClose={props.onClose}
			footer={
				<Button variant="primary" onClick={props.onClose}>
					I have saved it
				</Button>
			}
		>
			<div class="stack">
				<FormAlert
					tone="warning"
					message="Copy this key now and store it somewhere safe. It will not be shown again."
				/>
				<CopyField label="Secret key" value={props.secret?.key ?? ""} testId="api-key-secret" />
				<p class="muted small">
					Send it as <code class="mono">Authorization: Bearer &lt;key&gt;</code>.
				</p>
			</div>
		</Dialog>
	);
}
