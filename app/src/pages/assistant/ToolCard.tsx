import { A } from "@solidjs/router";
import { createResource, For, type JSX, Match, Show, Switch } from "solid-js";
import { EmailFrame } from "../../components/EmailFrame";
import { LinkButton } from "../../components/LinkButton";
import { Spinner } from "../../components/Spinner";
import { previewTemplate } from "../../lib/api";
import type { PulsePart } from "../../lib/chat";
import { formatNumber } from "../../lib/format";
import { subjectTestLink } from "../campaigns/form/ab-draft";

type ToolPart = Extract<PulsePart, { type: `tool-${string}` }>;
type Output<T extends ToolPart["type"]> = Extract<ToolPart, { type: T; state: "output-available" }>["output"];

const TITLES: Record<ToolPart["type"], string> = {
	"tool-describe_workspace": "Looked at your workspace",
	"tool-search_contacts": "Searched contacts",
	"tool-count_segment": "Counted a segment",
	"tool-summarize_campaign": "Campaign results",
	"tool-get_template": "Read a template",
	"tool-create_segment": "Segment created",
	"tool-draft_email": "Email drafted",
	"tool-create_campaign_draft": "Campaign draft created",
};

const WORKING: Record<ToolPart["type"], string> = {
	"tool-describe_workspace": "Looking at your workspace…",
	"tool-search_contacts": "Searching contacts…",
	"tool-count_segment": "Counting…",
	"tool-summarize_campaign": "Reading the campaign's results…",
	"tool-get_template": "Reading the template…",
	"tool-create_segment": "Creating a segment…",
	"tool-draft_email": "Writing the email…",
	"tool-create_campaign_draft": "Preparing a campaign draft…",
};

export const isToolPart = (part: PulsePart): part is ToolPart => part.type.startsWith("tool-");

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);

function Card(props: { tool: ToolPart["type"]; tone?: "error"; children: JSX.Element }) {
	return (
		<section class="tool-card" classList={{ "tool-card-error": props.tone === "error" }} data-tool={props.tool}>
			<h3 class="tool-card-title">{props.tone === "error" ? `${TITLES[props.tool]}: failed` : TITLES[props.tool]}</h3>
			{props.children}
		</section>
	);
}

function Sample(props: { emails: string[] }) {
	return (
		<Show when={props.emails.length > 0}>
			<p class="muted small">For example {props.emails.join(", ")}</p>
		</Show>
	);
}

function WorkspaceCard(props: { output: Output<"tool-describe_workspace"> }) {
	return (
		<p class="small">
			{formatNumber(props.output.contacts.total)} contacts ({formatNumber(props.output.contacts.subscribed)}{" "}
			subscribed), {props.output.segments.length} segments, {props.output.templates.length} templates,{" "}
			{props.output.recent_campaigns.length} recent campaigns.
		</p>
	);
}

function ContactsCard(props: { output: Output<"tool-search_contacts"> }) {
	return (
		<ul class="tool-list">
			<For each={props.output.contacts} fallback={<li class="muted">No contacts match.</li>}>
				{(c) => (
					<li>
						<A href={`/contacts/${c.id}`}>{c.email}</A> <span class="muted">{c.name}</span>
					</li>
				)}
			</For>
		</ul>
	);
}

function SegmentCard(props: { output: Output<"tool-create_segment"> }) {
	return (
		<>
			<p>
				<strong>{props.output.segment.name}</strong>:{" "}
				<span class="tool-count" data-testid="tool-segment-count">
					{formatNumber(props.output.segment.count)}
				</span>{" "}
				contacts
			</p>
			<LinkButton href={props.output.url} size="sm">
				Open segment
			</LinkButton>
		</>
	);
}

function EmailCard(props: { output: Output<"tool-draft_email"> }) {
	const [preview] = createResource(
		() => props.output.template.id,
		(id) => previewTemplate(id),
	);
	return (
		<>
			<p>
				<strong>{props.output.template.name}</strong>{" "}
				<span class="muted small">
					{props.output.tone}, {props.output.language}
				</span>
			</p>
			<p class="small muted">Subject lines to test:</p>
			<ol class="tool-list">
				<For each={props.output.subject_variants}>{(subject) => <li>{subject}</li>}</For>
			</ol>
			<Show when={preview()} fallback={<Spinner size="sm" label="Rendering the preview" />}>
				{(rendered) => <EmailFrame html={rendered().html} width={640} height={360} title="Drafted email" thumbnail />}
			</Show>
			<div class="page-actions">
				<LinkButton href={props.output.url} size="sm">
					Open in the editor
				</LinkButton>
				<Show when={props.output.subject_variants.length >= 2}>
					<LinkButton
						href={subjectTestLink(props.output.template.id, props.output.subject_variants)}
						size="sm"
						data-testid="tool-ab-test"
					>
						A/B test these subject lines
					</LinkButton>
				</Show>
			</div>
		</>
	);
}

function CampaignDraftCard(props: { output: Output<"tool-create_campaign_draft"> }) {
	return (
		<>
			<p>
				<strong>{props.output.campaign.name}</strong> is a draft for{" "}
				<span class="tool-count">{formatNumber(props.output.audience.sendable)}</span> subscribed recipients. Nothing is
				sent until you send it.
			</p>
			<LinkButton href={props.output.url} variant="primary" size="sm">
				Review the campaign
			</LinkButton>
		</>
	);
}

function SummaryCard(props: { output: Output<"tool-summarize_campaign"> }) {
	const rates = () => props.output.rates;
	return (
		<>
			<p>
				<A href={props.output.url}>
					<strong>{props.output.campaign.name}</strong>
				</A>{" "}
				<span class="muted small">{props.output.campaign.status}</span>
			</p>
			<dl class="tool-rates">
				<div>
					<dt>Sent</dt>
					<dd>{formatNumber(props.output.stats.sent)}</dd>
				</div>
				<div>
					<dt>Opened</dt>
					<dd>{percent(rates().open)}</dd>
				</div>
				<div>
					<dt>Clicked</dt>
					<dd>{percent(rates().click)}</dd>
				</div>
				<div>
					<dt>Bounced</dt>
					<dd>{percent(rates().bounce)}</dd>
				</div>
			</dl>
			<ul class="tool-list">
				<For each={props.output.findings}>{(f) => <li>{f}</li>}</For>
			</ul>
			<Show when={props.output.suggestions.length > 0}>
				<p class="small muted">What to try next:</p>
				<ul class="tool-list">
					<For each={props.output.suggestions}>{(s) => <li>{s}</li>}</For>
				</ul>
			</Show>
		</>
	);
}

/** A tool call as the user sees it: what the assistant is doing, then what it found or made. */
export function ToolCard(props: { part: ToolPart }) {
	const tool = () => props.part.type;
	return (
		<Switch>
			<Match when={props.part.state === "output-error" && props.part}>
				{(part) => (
					<Card tool={tool()} tone="error">
						<p class="small">{"errorText" in part() ? String(part().errorText) : ""}</p>
					</Card>
				)}
			</Match>
			<Match when={props.part.state === "output-available" && props.part}>
				{(part) => (
					<Card tool={tool()}>
						<ToolOutput part={part()} />
					</Card>
				)}
			</Match>
			<Match when={true}>
				<p class="tool-working">
					<Spinner size="sm" /> {WORKING[tool()]}
				</p>
			</Match>
		</Switch>
	);
}

function ToolOutput(props: { part: ToolPart }) {
	const part = props.part;
	if (part.state !== "output-available") return null;
	switch (part.type) {
		case "tool-describe_workspace":
			return <WorkspaceCard output={part.output} />;
		case "tool-search_contacts":
			return <ContactsCard output={part.output} />;
		case "tool-count_segment":
			return (
				<>
					<p>
						<span class="tool-count">{formatNumber(part.output.count)}</span> contacts match.
					</p>
					<Sample emails={part.output.sample} />
				</>
			);
		case "tool-get_template":
			return (
				<p>
					<A href={part.output.url}>{part.output.name}</A> <span class="muted small">{part.output.subject}</span>
				</p>
			);
		case "tool-create_segment":
			return <SegmentCard output={part.output} />;
		case "tool-draft_email":
			return <EmailCard output={part.output} />;
		case "tool-create_campaign_draft":
			return <CampaignDraftCard output={part.output} />;
		case "tool-summarize_campaign":
			return <SummaryCard output={part.output} />;
	}
}
