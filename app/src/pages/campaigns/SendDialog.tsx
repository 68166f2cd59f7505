import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, Match, on, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { FormAlert } from "../../components/FormAlert";
import { LoadingState } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import {
	ApiError,
	audienceSize,
	getCampaignAudience,
	getSegment,
	getTemplate,
	listContacts,
	messageOf,
	previewForContact,
	previewTemplate,
	scheduleCampaign,
	sendCampaign,
} from "../../lib/api";
import { formatDate, formatNumber } from "../../lib/format";
import type { Campaign, CampaignStatus } from "../../lib/types";
import { localSchedule } from "./local-schedule";
import { createSendReadiness, refusalFor, SendChecks } from "./planning/SendChecks";
import { fromLocalInput, senderOf } from "./shared";

export type SendMode = "now" | "schedule";

type Props = {
	open: boolean;
	mode: SendMode;
	/** The saved campaign to send (its audience, template and sender are what the dialog states). */
	campaign: Pick<Campaign, "id" | "name" | "audience" | "template_id" | "from_name" | "from_email" | "reply_to">;
	/** For `schedule`: the `datetime-local` value to start from. */
	sendAt?: string;
	onClose: () => void;
	onDone: (status: CampaignStatus) => void;
};

const contacts = (n: number) => `${formatNumber(n)} ${n === 1 ? "contact" : "contacts"}`;

/** The subject as one recipient of this audience will see it (sample data when nobody is in it). */
async function sampleSubject(templateId: string, segmentId: string | null | undefined) {
	const page = await listContacts({ limit: "1", status: "subscribed", segment_id: segmentId ?? undefined });
	const contact = page.data[0];
	const rendered = contact ? await previewForContact(templateId, contact.id) : await previewTemplate(templateId);
	return { subject: rendered.subject, for: contact?.email ?? null };
}

/**
 * The last step before anything leaves: the exact audience (counted when the dialog opens), the subject and
 * the sender, then `send` or `schedule`. A workspace without a postal address is sent to its settings.
 */
export function SendDialog(props: Props) {
	const [sendAt, setSendAt] = createSignal(props.sendAt ?? "");
	const [perZone, setPerZone] = createSignal(false);
	const [busy, setBusy] = createSignal(false);
	const [error, setError] = createSignal<unknown>();
	const [whenError, setWhenError] = createSignal<string>();
	createEffect(
		on(
			() => props.open,
			(open) => {
				if (!open) return;
				setSendAt(props.sendAt ?? "");
				setError(undefined);
				setWhenError(undefined);
			},
		),
	);

	// Counted afresh each time the dialog opens: what it states is what the send will use.
	const [facts] = createResource(
		() => (props.open ? { ...props.campaign } : false),
		async (c) => {
			const segmentId = c.audience.segment_id;
			const [audience, template, segment, reached] = await Promise.all([
				getCampaignAudience(c.id),
				getTemplate(c.template_id),
				segmentId ? getSegment(segmentId) : Promise.resolve(null),
				segmentId ? audienceSize(segmentId) : Promise.resolve(null),
			]);
			// The server's count is the number the send will mail (suppressed addresses left out); the segment's
			// live size, counted at the same moment, tells how many of its contacts are skipped.
			const size = { total: reached?.total ?? audience.count, sendable: audience.count };
			return { size, template, segment, sample: await sampleSubject(c.template_id, segmentId) };
		},
	);

	const { readiness, recheck, refused } = createSendReadiness(
		() => props.open,
		() => props.campaign.id,
		() => props.mode,
	);

	const title = () => {
		const f = facts.latest;
		if (!f || facts.loading) return props.mode === "now" ? "Send this campaign now?" : "Schedule this campaign?";
		return props.mode === "now"
			? `Send to ${contacts(f.size.sendable)} now?`
			: `Schedule for ${contacts(f.size.sendable)}?`;
	};
	const postalMissing = () => {
		const e = error();
		const r = readiness.latest;
		if (r && refusalFor(r, props.mode)?.path === "postal_address") return true;
		return e instanceof ApiError && e.issues.some((i) => i.path === "postal_address");
	};

	const confirm = async () => {
		const id = props.campaign.id;
		setError(undefined);
		setWhenError(undefined);
		let at: string | undefined;
		let localTime: string | undefined;
		if (props.mode === "schedule") {
			at = fromLocalInput(sendAt());
			if (!at) return setWhenError("Choose a date and time");
			const local = perZone() ? localSchedule(sendAt()) : undefined;
			if (local) [at, localTime] = [local.send_at, local.local_time];
			else if (Date.parse(at) <= Date.now()) return setWhenError("Choose a time in the future");
		}
		setBusy(true);
		try {
			const result = at ? await scheduleCampaign(id, at, localTime) : await sendCampaign(id);
			props.onDone(result.status);
		} catch (e) {
			setError(e);
			void recheck();
		} finally {
			setBusy(false);
		}
	};

	return (
		<Dialog
			open={props.open}
			title={title()}
			onClose={props.onClose}
			busy={busy()}
			footer={
				<>
					<Button onClick={props.onClose} disabled={busy()}>
						Cancel
					</Button>
					<Button
						variant="primary"
						onClick={confirm}
						loading={busy()}
						disabled={!facts.latest || facts.loading || facts.latest.size.sendable === 0 || refused()}
						data-testid="confirm-send"
					>
						{props.mode === "now" ? "Send now" : "Schedule"}
					</Button>
				</>
			}
		>
			<div class="stack" data-testid="send-summary">
				<Switch>
					<Match when={facts.error}>
						<FormAlert message={`Could not check the audience: ${messageOf(facts.error)}`} />
					</Match>
					<Match when={!facts.latest || facts.loading}>
						<LoadingState label="Counting the audience…" />
					</Match>
					<Match when={facts.latest}>
						{(f) => (
							<>
								<p>
									<strong data-testid="send-audience">{contacts(f().size.sendable)}</strong>{" "}
									{props.mode === "now" ? "will get" : "will get, at the time below,"} “{props.campaign.name}”.
								</p>
								<Show when={f().size.total > f().size.sendable}>
									<p class="muted small">
										The segment matches {contacts(f().size.total)}; {formatNumber(f().size.total - f().size.sendable)}{" "}
										of them are unsubscribed or suppressed and are skipped (logged as suppressed).
									</p>
								</Show>
								<Show when={f().size.sendable === 0}>
									<FormAlert
										tone="warning"
										message="Nobody in this audience can receive it: choose another audience."
									/>
								</Show>
								<dl class="props">
									<dt>Audience</dt>
									<dd>{f().segment ? `Segment “${f().segment?.name}”` : "All subscribed contacts"}</dd>
									<dt>Subject</dt>
									<dd>
										<span data-testid="send-subject">{f().sample.subject}</span>
										<div class="muted small" data-testid="send-subject-for">
											{f().sample.for ? `As ${f().sample.for} will see it` : "For a sample contact"}
											<Show when={f().sample.subject !== f().template.subject}>
												{" "}
												(template: <code class="mono">{f().template.subject}</code>)
											</Show>
										</div>
									</dd>
									<dt>From</dt>
									<dd data-testid="send-from">{senderOf(props.campaign)}</dd>
									<Show when={props.campaign.reply_to}>
										<dt>Reply-To</dt>
										<dd>{props.campaign.reply_to}</dd>
									</Show>
									<Show when={props.mode === "now"}>
										<dt>When</dt>
										<dd>Now: it cannot be unsent, only paused or cancelled.</dd>
									</Show>
								</dl>
							</>
						)}
					</Match>
				</Switch>
				<Show
					when={readiness.latest}
					fallback={<FormAlert message={readiness.error ? messageOf(readiness.error) : undefined} />}
				>
					{(r) => (
						<SendChecks
							readiness={r()}
							mode={props.mode}
							checking={readiness.loading}
							onCheckAgain={() => void recheck()}
						/>
					)}
				</Show>
				<Show when={props.mode === "schedule"}>
					<TextField
						label="Send at"
						name="send_at"
						type="datetime-local"
						value={sendAt()}
						onInput={(e) => setSendAt(e.currentTarget.value)}
						error={whenError()}
						hint={
							perZone()
								? "That date and time on each recipient's clock"
								: fromLocalInput(sendAt())
									? `${formatDate(fromLocalInput(sendAt()) ?? "")}, your time (${Intl.DateTimeFormat().resolvedOptions().timeZone})`
									: "Your local time"
						}
					/>
					<label class="toggle">
						<input
							type="checkbox"
							name="local_time"
							checked={perZone()}
							onChange={(e) => setPerZone(e.currentTarget.checked)}
						/>
						<span>
							<strong>In each recipient's time zone</strong>
							<span class="muted small">
								{" "}
								Each contact gets it at this time on their clock (contacts without a time zone: the workspace's). The
								campaign sends for up to a day as the zones reach it.
							</span>
						</span>
					</label>
				</Show>
				<Show when={postalMissing()} fallback={<FormAlert message={error() ? messageOf(error()) : undefined} />}>
					<div class="alert alert-danger" role="alert" data-testid="postal-missing">
						Every marketing email must show your postal address.{" "}
						<A href="/settings/workspace">Add it in workspace settings</A>, then send again.
					</div>
				</Show>
			</div>
		</Dialog>
	);
}
