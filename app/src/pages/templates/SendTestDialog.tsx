import { A } from "@solidjs/router";
import { createEffect, createSignal, Match, on, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { LinkButton } from "../../components/LinkButton";
import { TextField } from "../../components/TextField";
import { ApiError, sendTestEmail } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import type { TestSendResult } from "../../lib/types";
import { type PreviewAs, SAMPLE_LABEL } from "./ContactPicker";

export const MAX_TEST_RECIPIENTS = 5;

/** Addresses typed one per line or separated by commas, semicolons or spaces; blanks and repeats dropped. */
export const parseRecipients = (text: string): string[] => [
	...new Set(
		text
			.split(/[\s,;]+/)
			.map((s) => s.trim())
			.filter(Boolean),
	),
];

type Props = {
	open: boolean;
	templateId: string;
	defaultTo: string;
	previewAs: PreviewAs;
	/** Saves unsaved edits first, so the test is what the editor shows; false when saving failed. */
	beforeSend: () => Promise<boolean>;
	dirty: boolean;
	onClose: () => void;
};

/** Sends the template to up to five addresses; without Resend the messages land in the Outbox. */
export function SendTestDialog(props: Props) {
	const [to, setTo] = createSignal(props.defaultTo);
	const [result, setResult] = createSignal<TestSendResult & { to: string[] }>();
	const [localError, setLocalError] = createSignal<string>();

	const send = createSubmission(async () => {
		setLocalError(undefined);
		const recipients = parseRecipients(to());
		if (recipients.length === 0) return setLocalError("Add at least one address");
		if (recipients.length > MAX_TEST_RECIPIENTS)
			return setLocalError(`Send a test to at most ${MAX_TEST_RECIPIENTS} addresses (you listed ${recipients.length})`);
		if (!(await props.beforeSend())) {
			return setLocalError("The template has errors, so it was not saved or sent. Fix them and try again.");
		}
		const sent = await sendTestEmail(props.templateId, {
			to: recipients,
			...(props.previewAs ? { contact_id: props.previewAs.id } : {}),
		});
		setResult({ ...sent, to: recipients });
	}, ["to", "from"]);

	createEffect(
		on(
			() => props.open,
			(open) => {
				if (!open) return;
				setResult(undefined);
				setLocalError(undefined);
				send.reset();
				if (!to().trim()) setTo(props.defaultTo);
			},
		),
	);

	const noSender = () => {
		const e = send.error();
		return e instanceof ApiError && e.issues.some((issue) => issue.path === "from");
	};
	const toError = () => localError() ?? send.field("to");

	return (
		<Dialog
			open={props.open}
			title="Send a test"
			description="Sends this template, personalised as in the preview, to up to 5 addresses."
			onClose={props.onClose}
			busy={send.pending()}
			footer={
				<Show
					when={!result()}
					fallback={
						<Button variant="primary" onClick={props.onClose}>
							Done
						</Button>
					}
				>
					<Button onClick={props.onClose} disabled={send.pending()}>
						Cancel
					</Button>
					<Button variant="primary" type="submit" form="send-test-form" loading={send.pending()}>
						Send test
					</Button>
				</Show>
			}
		>
			<Switch>
				<Match when={result()}>
					{(r) => (
						<div class="stack" data-testid="test-sent">
							<div class="alert alert-success" role="status">
								Sent {r().sent === 1 ? "1 test email" : `${r().sent} test emails`} to {r().to.join(", ")}.
							</div>
							<Show
								when={r().provider === "capture"}
								fallback={<p>Delivered through Resend: check the inboxes in a moment.</p>}
							>
								<p>
									No Resend key is configured, so nothing left Pulse: the{" "}
									{r().sent === 1 ? "message is" : "messages are"} in the Outbox, rendered exactly as sent.
								</p>
								<div class="page-actions">
									<Show
										when={r().outbox_ids.length === 1 && r().outbox_ids[0]}
										fallback={<LinkButton href="/outbox">Open the Outbox</LinkButton>}
									>
										{(id) => <LinkButton href={`/outbox/${id()}`}>Open it in the Outbox</LinkButton>}
									</Show>
								</div>
							</Show>
						</div>
					)}
				</Match>
				<Match when={!result()}>
					<form id="send-test-form" class="stack" onSubmit={send.submit} noValidate>
						<Show when={noSender()}>
							<div class="alert alert-warning" role="alert" data-testid="no-sender">
								Your workspace has no default sender email yet, so there is no From address for the test.{" "}
								<A href="/settings/workspace">Set one in workspace settings</A>, then send again.
							</div>
						</Show>
						<Show when={!noSender()}>
							<FormAlert message={send.formError()} />
						</Show>
						<TextField
							multiline
							rows={3}
							label="Send to"
							name="to"
							autofocus
							value={to()}
							onInput={(e) => setTo(e.currentTarget.value)}
							error={toError()}
							hint="Up to 5 addresses, separated by commas or new lines."
						/>
						<p class="muted small">
							Personalised as {props.previewAs ? props.previewAs.email : SAMPLE_LABEL}.
							<Show when={props.dirty}> Your unsaved changes are saved first.</Show>
						</p>
					</form>
				</Match>
			</Switch>
		</Dialog>
	);
}
