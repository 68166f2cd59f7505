import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, Match, onCleanup, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { EmailPreview } from "../../components/EmailPreview";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { LoadingState, Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import {
	ApiError,
	audienceSize,
	createCampaign,
	getCampaign,
	listSegments,
	listTemplates,
	messageOf,
	previewTemplate,
	updateCampaign,
} from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatDate, formatNumber } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Campaign } from "../../lib/types";
import { SendDialog, type SendMode } from "./SendDialog";
import { CampaignStatusBadge, fromLocalInput, isEditable, senderOf, toLocalInput } from "./shared";

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
						action={
							<A href="/campaigns" class="btn btn-secondary btn-md">
								Back to campaigns
							</A>
						}
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
									action={
										<A href={`/campaigns/${c.id}`} class="btn btn-secondary btn-md">
											Open the campaign
										</A>
									}
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

type Draft = {
	name: string;
	audience: "all" | "segment";
	segment_id: string;
	template_id: string;
	from_name: string;
	from_email: string;
	reply_to: string;
	track_opens: boolean;
	track_clicks: boolean;
	delivery: SendMode;
	send_at: string;
};

const FIELDS = [
	"name",
	"audience",
	"template_id",
	"from_email",
	"from_name",
	"reply_to",
	"settings",
	"schedule",
] as const;

/** Validation the API cannot do for us (it never sees the delivery choice until the last step). */
const invalid = (path: string, message: string) =>
	new ApiError(400, "validation_failed", "Check the highlighted fields", [{ path, message }]);

function CampaignForm(props: { campaign?: Campaign }) {
	const me = useMe();
	const navigate = useNavigate();
	const [search] = useSearchParams<{ template?: string; segment?: string }>();
	const canEdit = () => atLeast(me().role, "editor");
	const existing = props.campaign;
	const workspace = me().workspace;
	const [draft, setDraft] = createSignal<Draft>({
		name: existing?.name ?? "",
		audience: (existing?.audience.segment_id ?? search.segment) ? "segment" : "all",
		segment_id: existing?.audience.segment_id ?? search.segment ?? "",
		template_id: existing?.template_id ?? search.template ?? "",
		from_name: existing?.from_name ?? workspace.default_from_name,
		from_email: existing?.from_email ?? workspace.default_from_email,
		reply_to: existing?.reply_to ?? "",
		track_opens: existing?.settings.track_opens ?? true,
		track_clicks: existing?.settings.track_clicks ?? true,
		delivery: existing?.schedule ? "schedule" : "now",
		send_at: existing?.schedule ? toLocalInput(existing.schedule.send_at) : "",
	});
	const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
	const text = (key: keyof Draft) => (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value);
	/** The saved campaign this form edits: set once the first save created it. */
	const [saved, setSaved] = createSignal<Campaign | undefined>(existing);

	// ---- choices: templates and segments of the workspace ---------------------------------------------------
	const [templates] = createResource(async () => (await listTemplates({ limit: 500 })).data);
	const [segments] = createResource(async () => (await listSegments({ limit: 500 })).data);
	const segmentName = () => segments.latest?.find((s) => s.id === draft().segment_id)?.name;

	// ---- live audience counts -------------------------------------------------------------------------------
	const [allCount] = createResource(() => audienceSize(null));
	const [segmentCount] = createResource(
		() => draft().segment_id || false,
		(id) => audienceSize(id),
	);
	const chosenCount = () => (draft().audience === "all" ? allCount.latest : segmentCount.latest);

	// ---- template preview (refreshed when the window regains focus: the template may have been edited) -------
	const [preview, { refetch: refetchPreview }] = createResource(
		() => draft().template_id || false,
		(id) => previewTemplate(id),
	);
	const onFocus = () => {
		if (draft().template_id) void refetchPreview();
	};
	window.addEventListener("focus", onFocus);
	onCleanup(() => window.removeEventListener("focus", onFocus));

	// ---- save, review -----------------------------------------------------------------------------------------
	const body = () => {
		const d = draft();
		return {
			name: d.name,
			template_id: d.template_id,
			audience: { segment_id: d.audience === "segment" ? d.segment_id || null : null },
			from_name: d.from_name.trim(),
			// An empty address means "the workspace default": the API fills it in (or names the field if there is none).
			...(d.from_email.trim() ? { from_email: d.from_email.trim() } : {}),
			reply_to: d.reply_to.trim() || null,
			settings: { track_opens: d.track_opens, track_clicks: d.track_clicks },
		};
	};
	const persist = async (): Promise<Campaign> => {
		const d = draft();
		if (d.audience === "segment" && !d.segment_id) throw invalid("audience.segment_id", "Choose a segment");
		const current = saved();
		const campaign = current ? await updateCampaign(current.id, body()) : await createCampaign(body());
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

	const sendWhen = createMemo(() => {
		const at = fromLocalInput(draft().send_at);
		return draft().delivery === "now" ? "Right after you confirm" : at ? formatDate(at) : "Choose a time";
	});
	const countText = (n: number | undefined) =>
		n === undefined ? "…" : `${formatNumber(n)} ${n === 1 ? "contact" : "contacts"}`;

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

					<section class="card stack form-step" aria-labelledby="step-name">
						<h2 class="card-title step-title" id="step-name">
							<span class="step-number">1</span> Name
						</h2>
						<TextField
							label="Campaign name"
							name="name"
							placeholder="e.g. March newsletter"
							hint="Only your team sees it."
							value={draft().name}
							onInput={text("name")}
							error={form().field("name")}
						/>
					</section>

					<section class="card stack form-step" aria-labelledby="step-audience">
						<h2 class="card-title step-title" id="step-audience">
							<span class="step-number">2</span> Audience
						</h2>
						<div class="choices" role="radiogroup" aria-labelledby="step-audience">
							<label class="choice" classList={{ selected: draft().audience === "all" }}>
								<input
									type="radio"
									name="audience"
									value="all"
									checked={draft().audience === "all"}
									onChange={() => set("audience", "all")}
								/>
								<span class="choice-text">
									<strong>All subscribed contacts</strong>
									<span class="muted small">Everyone who is subscribed when the send starts.</span>
								</span>
								<span class="choice-count" data-testid="audience-count-all">
									<Show when={!allCount.loading} fallback={<Spinner size="sm" />}>
										{countText(allCount.latest?.sendable)}
									</Show>
								</span>
							</label>
							<label class="choice" classList={{ selected: draft().audience === "segment" }}>
								<input
									type="radio"
									name="audience"
									value="segment"
									checked={draft().audience === "segment"}
									onChange={() => set("audience", "segment")}
								/>
								<span class="choice-text">
									<strong>A saved segment</strong>
									<span class="muted small">Contacts matching its rules when the send starts.</span>
								</span>
								<span class="choice-count" data-testid="audience-count-segment">
									<Show when={draft().segment_id}>
										<Show when={!segmentCount.loading} fallback={<Spinner size="sm" />}>
											{countText(segmentCount.latest?.sendable)}
										</Show>
									</Show>
								</span>
							</label>
						</div>
						<Show when={draft().audience === "segment"}>
							<Show
								when={(segments.latest?.length ?? 0) > 0 || segments.loading}
								fallback={
									<p class="muted">
										No segments yet. <A href="/segments/new">Build one</A>, or send to all subscribed contacts.
									</p>
								}
							>
								<SelectField
									label="Segment"
									name="segment_id"
									value={draft().segment_id}
									onChange={text("segment_id")}
									error={form().field("audience.segment_id")}
									options={[
										{ value: "", label: segments.loading ? "Loading segments…" : "Choose a segment" },
										...(segments.latest ?? []).map((s) => ({
											value: s.id,
											label: `${s.name} (${formatNumber(s.count)})`,
										})),
									]}
								/>
								<Show when={segmentCount.latest && segmentCount.latest.total > segmentCount.latest.sendable}>
									<p class="muted small">
										{formatNumber((segmentCount.latest?.total ?? 0) - (segmentCount.latest?.sendable ?? 0))} of the
										segment's contacts are not subscribed: they are skipped.
									</p>
								</Show>
							</Show>
						</Show>
						<Show when={form().field("audience") && !form().field("audience.segment_id")}>
							<p class="field-error">{form().field("audience")}</p>
						</Show>
					</section>

					<section class="card stack form-step" aria-labelledby="step-template">
						<h2 class="card-title step-title" id="step-template">
							<span class="step-number">3</span> Template
						</h2>
						<Show
							when={(templates.latest?.length ?? 0) > 0 || templates.loading}
							fallback={
								<div class="stack">
									<p class="muted">No templates yet: a campaign sends one.</p>
									<div>
										<A href="/templates" class="btn btn-secondary btn-md">
											Create a template
										</A>
									</div>
									<Show when={form().field("template_id")}>
										<p class="field-error">{form().field("template_id")}</p>
									</Show>
								</div>
							}
						>
							<div class="template-pick">
								<SelectField
									label="Template"
									name="template_id"
									value={draft().template_id}
									onChange={text("template_id")}
									error={form().field("template_id")}
									options={[
										{ value: "", label: templates.loading ? "Loading templates…" : "Choose a template" },
										...(templates.latest ?? []).map((t) => ({ value: t.id, label: t.name })),
									]}
								/>
								<Show when={draft().template_id}>
									<A
										href={`/templates/${draft().template_id}`}
										target="_blank"
										rel="noopener"
										class="btn btn-ghost btn-md"
									>
										Edit template ↗
									</A>
								</Show>
							</div>
						</Show>
						<Show when={draft().template_id}>
							<Switch>
								<Match when={preview.error}>
									<FormAlert tone="warning" message={`The preview failed: ${messageOf(preview.error)}`} />
								</Match>
								<Match when={preview.latest}>
									{(r) => (
										<div class="stack campaign-preview" data-testid="campaign-template-preview">
											<div class="rendered-subject">
												<span class="muted small">Subject (for a sample contact)</span>
												<strong data-testid="rendered-subject">{r().subject}</strong>
											</div>
											<EmailPreview
												html={r().html}
												text={r().text}
												headers={r().headers}
												stale={preview.loading}
												height={520}
											/>
										</div>
									)}
								</Match>
								<Match when={preview.loading}>
									<LoadingState label="Rendering the template…" />
								</Match>
							</Switch>
						</Show>
					</section>

					<section class="card stack form-step" aria-labelledby="step-sender">
						<h2 class="card-title step-title" id="step-sender">
							<span class="step-number">4</span> Sender
						</h2>
						<div class="grid-2">
							<TextField
								label="From name"
								name="from_name"
								value={draft().from_name}
								onInput={text("from_name")}
								error={form().field("from_name")}
							/>
							<TextField
								label="From email"
								name="from_email"
								type="email"
								placeholder="news@yourdomain.com"
								value={draft().from_email}
								onInput={text("from_email")}
								error={form().field("from_email")}
								hint={workspace.default_from_email ? undefined : "No default sender is set for this workspace."}
							/>
						</div>
						<TextField
							label="Reply-To"
							name="reply_to"
							type="email"
							placeholder="Optional: where replies go"
							value={draft().reply_to}
							onInput={text("reply_to")}
							error={form().field("reply_to")}
						/>
						<Show when={form().field("from_email") && !workspace.default_from_email}>
							<p class="muted small">
								Or <A href="/settings/workspace">set a default sender in workspace settings</A>.
							</p>
						</Show>
					</section>

					<section class="card stack form-step" aria-labelledby="step-tracking">
						<h2 class="card-title step-title" id="step-tracking">
							<span class="step-number">5</span> Tracking
						</h2>
						<label class="toggle">
							<input
								type="checkbox"
								checked={draft().track_opens}
								onChange={(e) => set("track_opens", e.currentTarget.checked)}
							/>
							<span>
								<strong>Track opens</strong>
								<span class="muted small"> A tiny image counts opens (Apple's privacy prefetches are kept apart).</span>
							</span>
						</label>
						<label class="toggle">
							<input
								type="checkbox"
								checked={draft().track_clicks}
								onChange={(e) => set("track_clicks", e.currentTarget.checked)}
							/>
							<span>
								<strong>Track clicks</strong>
								<span class="muted small"> Links go through a signed redirect that counts the click.</span>
							</span>
						</label>
						<Show when={form().field("settings")}>
							<p class="field-error">{form().field("settings")}</p>
						</Show>
					</section>

					<section class="card stack form-step" aria-labelledby="step-delivery">
						<h2 class="card-title step-title" id="step-delivery">
							<span class="step-number">6</span> Delivery
						</h2>
						<div class="choices" role="radiogroup" aria-labelledby="step-delivery">
							<label class="choice" classList={{ selected: draft().delivery === "now" }}>
								<input
									type="radio"
									name="delivery"
									value="now"
									checked={draft().delivery === "now"}
									onChange={() => set("delivery", "now")}
								/>
								<span class="choice-text">
									<strong>Send now</strong>
									<span class="muted small">It starts as soon as you confirm.</span>
								</span>
							</label>
							<label class="choice" classList={{ selected: draft().delivery === "schedule" }}>
								<input
									type="radio"
									name="delivery"
									value="schedule"
									checked={draft().delivery === "schedule"}
									onChange={() => set("delivery", "schedule")}
								/>
								<span class="choice-text">
									<strong>Schedule</strong>
									<span class="muted small">Pick a date and time; you can still edit or cancel it until then.</span>
								</span>
							</label>
						</div>
						<Show when={draft().delivery === "schedule"}>
							<TextField
								label="Send at"
								name="send_at"
								type="datetime-local"
								value={draft().send_at}
								onInput={text("send_at")}
								error={form().field("schedule")}
								hint={`Your local time (${Intl.DateTimeFormat().resolvedOptions().timeZone}).`}
							/>
						</Show>
					</section>
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
								<span class="summary-number">{countText(chosenCount()?.sendable)}</span>
								<span class="muted small">
									{draft().audience === "all" ? "All subscribed contacts" : `Segment “${segmentName() ?? "…"}”`}
								</span>
							</Show>
						</dd>
						<dt>Subject</dt>
						<dd>{preview.latest?.subject ?? <span class="muted">Choose a template</span>}</dd>
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
