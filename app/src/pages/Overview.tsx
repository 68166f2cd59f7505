import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { PageHeader } from "../components/PageHeader";
import { ProgressBar } from "../components/ProgressBar";
import { api, call } from "../lib/api";
import { formatNumber, formatRelative } from "../lib/format";
import { useMe } from "../lib/session";
import { CampaignStatusBadge } from "./campaigns/shared";

/** The latest few campaigns, once there are any. */
function RecentCampaigns() {
	const me = useMe();
	const [recent] = createResource(
		() => me().workspace.id,
		async () => (await call(api.campaigns.$get({ query: { limit: "5" } }))).data,
	);
	return (
		<Show when={(recent.latest?.length ?? 0) > 0}>
			<section class="card section-gap" aria-labelledby="recent-campaigns">
				<div class="card-head">
					<h2 class="card-title" id="recent-campaigns">
						Recent campaigns
					</h2>
					<A href="/campaigns" class="small">
						See all
					</A>
				</div>
				<ul class="recent-list">
					<For each={recent.latest}>
						{(c) => (
							<li>
								<A href={`/campaigns/${c.id}`} class="strong-link cell-clip-text">
									{c.name}
								</A>
								<CampaignStatusBadge status={c.status} />
								<Show
									when={c.status === "sending" || c.status === "paused"}
									fallback={
										<span class="muted small">
											{c.progress.audience > 0
												? `${formatNumber(c.progress.processed)} of ${formatNumber(c.progress.audience)} · `
												: ""}
											{formatRelative(c.completed_at ?? c.started_at ?? c.created_at)}
										</span>
									}
								>
									<ProgressBar label={`Progress of ${c.name}`} value={c.progress.processed} max={c.progress.audience} />
								</Show>
							</li>
						)}
					</For>
				</ul>
			</section>
		</Show>
	);
}

/** The home page: a welcome and the first steps to set a workspace up. */
export default function Overview() {
	const me = useMe();
	const steps = () => [
		{
			done: me().workspace.postal_address.trim() !== "",
			title: "Add your postal address",
			text: "Every marketing email carries it in the footer, as the law requires.",
			href: "/settings/workspace",
			cta: "Workspace settings",
		},
		{
			done: me().workspace.default_from_email !== "",
			title: "Set a default sender",
			text: "The name and address your campaigns come from.",
			href: "/settings/workspace",
			cta: "Set sender",
		},
		{
			done: false,
			title: "Invite your team",
			text: "Editors write and send campaigns; viewers follow the results.",
			href: "/settings/members",
			cta: "Invite members",
		},
		{
			done: false,
			title: "Connect your app",
			text: "Create an API key to sync contacts and events from your product.",
			href: "/settings/api-keys",
			cta: "Create an API key",
		},
	];
	return (
		<>
			<PageHeader
				title={`Welcome${me().user ? `, ${me().user?.name.split(" ")[0]}` : ""}`}
				description={`Here is how to get ${me().workspace.name} ready to send.`}
			/>
			<section class="card">
				<h2 class="card-title">Get started</h2>
				<ol class="steps">
					<For each={steps()}>
						{(step) => (
							<li class="step" classList={{ done: step.done }}>
								<span class="step-mark" aria-hidden="true">
									{step.done ? "✓" : ""}
								</span>
								<div class="step-text">
									<strong>{step.title}</strong>
									<span class="muted">{step.done ? "Done." : step.text}</span>
								</div>
								<A href={step.href} class="btn btn-secondary btn-sm">
									{step.cta}
								</A>
							</li>
						)}
					</For>
				</ol>
			</section>
			<RecentCampaigns />
		</>
	);
}
