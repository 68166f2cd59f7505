import { SecretOnceDialog } from "../../components/SecretOnceDialog";

/** Shows a new key's secret, once, with a Copy button. */
export function KeySecretDialog(props: { secret?: { name: string; key: string }; onClose: () => void }) {
	return (
		<SecretOnceDialog
			open={props.secret !== undefined}
			title="Your new API key"
			description={props.secret ? `“${props.secret.name}” is ready.` : undefined}
			warning="Copy this key now and store it somewhere safe. It will not be shown again."
			label="Secret key"
			value={props.secret?.key ?? ""}
			testId="api-key-secret"
			onClose={props.onClose}
		>
			Send it as <code class="mono">Authorization: Bearer &lt;key&gt;</code>.
		</SecretOnceDialog>
	);
}
