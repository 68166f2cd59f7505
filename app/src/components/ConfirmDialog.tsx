import { createSignal, type JSX } from "solid-js";
import { messageOf } from "../lib/api";
import { Button } from "./Button";
import { Dialog } from "./Dialog";
import { FormAlert } from "./FormAlert";

type Props = {
	open: boolean;
	title: string;
	confirmLabel: string;
	onConfirm: () => Promise<unknown>;
	onClose: () => void;
	children: JSX.Element;
	/** Keeps the confirm button disabled, e.g. until a typed confirmation matches. */
	confirmDisabled?: boolean;
	/** The label of the button that closes without acting ("Cancel" unless told, e.g. when the action is a cancel). */
	cancelLabel?: string;
};

/** Asks before a destructive action; stays open with the error if the action fails. */
export function ConfirmDialog(props: Props) {
	const [busy, setBusy] = createSignal(false);
	const [error, setError] = createSignal<string>();

	const confirm = async () => {
		setBusy(true);
		setError(undefined);
		try {
			await props.onConfirm();
			props.onClose();
		} catch (e) {
			setError(messageOf(e));
		} finally {
			setBusy(false);
		}
	};

	return (
		<Dialog
			open={props.open}
			title={props.title}
			onClose={() => {
				setError(undefined);
				props.onClose();
			}}
			busy={busy()}
			footer={
				<>
					<Button onClick={props.onClose} disabled={busy()}>
						{props.cancelLabel ?? "Cancel"}
					</Button>
					<Button variant="danger" onClick={confirm} loading={busy()} disabled={props.confirmDisabled}>
						{props.confirmLabel}
					</Button>
				</>
			}
		>
			<div class="stack">
				{props.children}
				<FormAlert message={error()} />
			</div>
		</Dialog>
	);
}
