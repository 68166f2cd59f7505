import { SecretOnceDialog } from "../../../components/SecretOnceDialog";

/** Shows an endpoint's signing secret, once (after adding it or rotating the secret). */
export function SecretDialog(props: {
	secret?: { url: string; secret: string; rotated: boolean };
	onClose: () => void;
}) {
	return (
		<SecretOnceDialog
			open={props.secret !== undefined}
			title={props.secret?.rotated ? "New signing secret" : "Endpoint added"}
			description={props.secret?.url}
			warning="Copy this secret now: it will not be shown again."
			label="Signing secret"
			value={props.secret?.secret ?? ""}
			testId="webhook-secret"
			onClose={props.onClose}
		>
			Verify each request's <code class="mono">webhook-signature</code> with it (any Standard Webhooks library does).
			{props.secret?.rotated ? " For the next 24 hours requests are signed with the old secret too." : ""}
		</SecretOnceDialog>
	);
}
