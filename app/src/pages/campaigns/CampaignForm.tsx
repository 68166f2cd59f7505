import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { toast } from "../../components/Toasts";
import { ApiError, createCampaign, getCampaign, messageOf, updateCampaign } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatDate } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Campaign } from "../../lib/types";
import { AbTestStep } from "./form/AbTestStep";
import { AudienceStep, countText, createAudienceChoices } from "./form/AudienceStep";
import { bodyOf, type Draft, FIELDS, initialDraft, invalid } from "./form/draft";
import { DeliveryStep, NameStep, SenderStep, TrackingStep } from "./form/steps";
import { createTemplateChoices, TemplateStep } from "./form/TemplateStep";
import { SendDialog } from "./SendDialog";
import { CampaignStatusBadge, fromLocalInput, isEditable, senderOf } from "./shared";

/** `/campaigns/new` and `/campaigns/:id/edit`: loads the campaign (if any), then the form. */
export default function CampaignFormPage() {
	const params = useParams<{ id?: string }>();
	const [campaign, { refetch }] = createResource(
		() => params.id ?? "new",
		async (id) => (id === "new" ? null : await getCampaign(id)),
	);
	const notFound = () => campaign.error instanceof ApiError && campaign.error.status === 404;
	return (
		<Switch fallback={<LoadingState label="Loading campaign…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="campaigns"
						title="Campaign not found"
						action={<LinkButton href="/campaigns">Back to campaigns</LinkButton>}
					>
						It may have been deleted.
					</EmptyState>
				</section>
			</Match>
			<Match when={campaign.error}>
				<section class="card">
					<EmptyState title="Could not load this campaign" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(campaign.error)}
					</EmptyState>
				</section>
			</Match>
			<Match
				when={campaign.state === "ready" && params.id && campaign()?.id === params.id ? campaign() : undefined}
				keyed
			>
				{(c) => (
					<Show
						when={isEditable(c.status)}
						fallback={
							<section class="card">
								<EmptyState
									icon="campaigns"
									title={`A ${c.status} campaign can no longer be edited`}
									action={<LinkButton href={`/campaigns/${c.id}`}>Open the campaign</LinkButton>}
								>
									Once sending begins, what goes out is history: its settings stay as they were.
								</EmptyState>
							</section>
						}
					>
						<CampaignForm campaign={c} />
					</Show>
				)}
			</Match>
			<Match when={campaign.state === "ready" && !params.id}>
				<CampaignForm />
			</Match>
		</Switch>
	);
}

function CampaignForm(props: { campaign?: Campaign }) {
	const me = useMe();
	const navigate = useNavigate();
	const [search] = useSearchParams<{ template?: string; segment?: string; subjects?: string }>();
	const canEdit = () => atLeast(me().role, "editor");
	const existing = props.campaign;
	const workspace = me().workspace;
	const [draft, setDraft] = createSignal<Draft>(initialDraft(existing, search, workspace));
	const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
	const text = (key: keyof Draft) => (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value);
	/** The saved campaign this form edits: set once the first save created it. */
	const [saved, setSaved] = createSignal<Campaign | undefined>(existing);
	const audience = createAudienceChoices(draft);
	const templateChoices = createTemplateChoices(draft);

	// ---- save, review -----------------------------------------------------------------------------------------
	const persist = async (): Promise<Campaign> => {
		const d = draft();
		if (d.audience === "segment" && !d.segment_id) throw invalid("audience.segment_id", "Choose a segment");
		const current = saved();
		const campaign = current ? await updateCampaign(current.id, bodyOf(d)) : await createCampaign(bodyOf(d));
		setSaved(campaign);
		return campaign;
	};
	const [reviewing, setReviewing] = createSignal<Campaign>();
	const saveDraft = createSubmission(async () => {
		const campaign = await persist();
		toast.success(campaign.status === "scheduled" ? "Changes saved" : "Draft saved");
		navigate(`/campaigns/${campaign.id}`);
	}, FIELDS);
	const review = createSubmission(async () => {
		const d = draft();
		if (d.delivery === "schedule") {
			const at = fromLocalInput(d.send_at);
			if (!at) throw invalid("schedule.send_at", "Choose a date and time");
			if (Date.parse(at) <= Date.now()) throw invalid("schedule.send_at", "Choose a time in the future");
		}
		setReviewing(await persist());
	}, FIELDS);
	// Whichever action ran last explains the fields.
	const [lastAction, setLastAction] = createSignal<"save" | "review">("review");
	const form = () => (lastAction() === "save" ? saveDraft : review);
	const pending = () => saveDraft.pending() || review.pending();
	const step = { draft, set, text, field: (path: string) => form().field(path) };

	const sendWhen = createMemo(() => {
		const at = fromLocalInput(draft().send_at);
		return draft().delivery === "now" ? "Right after you confirm" : at ? formatDate(at) : "Choose a time";
	});

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/campaigns">Campaigns</A> <span aria-hidden="true">/</span>
				<Show when={existing}>
					{(c) => (
						<>
							<A href={`/campaigns/${c().id}`}>{c().name}</A> <span aria-hidden="true">/</span>
						</>
					)}
				</Show>
				<span>{existing ? "Edit" : "New campaign"}</span>
			</nav>
			<PageHeader
				title={existing ? `Edit “${existing.name}”` : "New campaign"}
				description="Who gets it, what it says, who it is from and when it goes: you confirm the exact audience before anything is sent."
				meta={existing ? <CampaignStatusBadge status={existing.status} /> : undefined}
			/>
			<Show when={!canEdit()}>
				<FormAlert tone="info" message={`You are a ${me().role}: only editors can create and send campaigns.`} />
			</Show>
			<form
				class="campaign-form"
				noValidate
				onSubmit={(e) => {
					setLastAction("review");
					void review.submit(e);
				}}
			>
				<fieldset class="stack" disabled={!canEdit() || pending()}>
					<legend class="sr-only">Campaign</legend>
					<FormAlert message={form().formError()} />
					<NameStep {...step} />
					<AudienceStep {...step} choices={audience} />
					<TemplateStep {...step} choices={templateChoices} />
					<AbTestStep {...step} choices={templateChoices} />
					<SenderStep {...step} workspace={workspace} />
					<TrackingStep {...step} />
					<DeliveryStep {...step} />
				</fieldset>

				<aside class="card campaign-summary" aria-label="Summary">
					<h2 class="preview-title">Summary</h2>
					<dl class="summary-list">
						<dt>Audience</dt>
						<dd data-testid="summary-audience">
							<Show
								when={draft().audience === "all" || draft().segment_id}
								fallback={<span class="muted">Choose a segment</span>}
							>
								<span class="summary-number">{countText(audience.chosenCount()?.sendable)}</span>
								<span class="muted small">
									{draft().audience === "all"
										? "All subscribed contacts"
										: `Segment “${audience.segmentName() ?? "…"}”`}
								</span>
							</Show>
						</dd>
						<dt>Subject</dt>
						<dd>{templateChoices.preview.latest?.subject ?? <span class="muted">Choose a template</span>}</dd>
						<dt>From</dt>
						<dd>
							{draft().from_email ? senderOf(draft()) : <span class="muted">The workspace's default sender</span>}
						</dd>
						<dt>When</dt>
						<dd>{sendWhen()}</dd>
					</dl>
					<Show when={canEdit()}>
						<div class="stack summary-actions">
							<Button type="submit" variant="primary" loading={review.pending()} class="btn-block">
								{draft().delivery === "now" ? "Review and send…" : "Review and schedule…"}
							</Button>
							<Button
								class="btn-block"
								loading={saveDraft.pending()}
								onClick={() => {
									setLastAction("save");
									void saveDraft.submit();
								}}
							>
								{existing?.status === "scheduled" ? "Save changes" : "Save as draft"}
							</Button>
						</div>
					</Show>
				</aside>
			</form>
			<Show when={reviewing()}>
				{(c) => (
					<SendDialog
						open
						mode={draft().delivery}
						campaign={c()}
						sendAt={draft().send_at}
						onClose={() => {
							// Read before closing: the accessor goes stale once the dialog is gone.
							const scheduled = c().status === "scheduled";
							setReviewing(undefined);
							toast.info(scheduled ? "Changes saved: nothing was sent" : "Saved as a draft: nothing was sent");
						}}
						onDone={(status) => {
							const id = c().id;
							setReviewing(undefined);
							toast.success(status === "scheduled" ? "Campaign scheduled" : "Sending started");
							navigate(`/campaigns/${id}`);
						}}
					/>
				)}
			</Show>
		</>
	);
}
