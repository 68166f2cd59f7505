import { A } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { ProgressBar } from "../../components/ProgressBar";
import { listCampaigns } from "../../lib/api";
import { formatNumber, formatRelative } from "../../lib/format";
import { createLiveCampaign } from "../../lib/live";
import { createPolling } from "../../lib/poll";
import { useMe } from "../../lib/session";
import type { Campaign } from "../../lib/types";
import { CampaignStatusBadge, processedOf } from "../campaigns/shared";

/** How often the overview looks for campaigns that started sending (their numbers then come over sockets). */
const DISCOVER_MS = 10_000;

/** One sending campaign, over its own live socket. */
function LiveCampaignRow(props: { campaign: Campaign }) {
	const live = createLiveCampaign(() => props.campaign.id);
	const c = () => props.campaign;
	const status = () => live.status() ?? c().status;
	const processed = () => {
		const s = live.stats();
		return s ? processedOf(s) : c().progress.processed;
	};
	const audience = () => live.stats()?.audience ?? c().progress.audience;
	return (
		<li class="live-item" data-campaign={c().id} data-testid="sending-campaign">
			<div class="live-item-head">
				<A href={`/campaigns/${c().id}`} class="strong-link cell-clip-text">
					{c().name}
				</A>
				<CampaignStatusBadge status={status()} />
				<span
					class={`live-indicator live-${live.state()} small`}
					data-state={live.state()}
					title={live.connected() ? "Numbers update as they change" : "Reconnecting…"}
				>
					{live.connected() ? "Live" : live.state() === "connecting" ? "Connecting…" : "Reconnecting…"}
				</span>
			</div>
			<ProgressBar label={`Progress of ${c().name}`} value={processed()} max={audience()} />
			<div class="live-item-numbers muted small">
				<span>
					<strong data-testid="sending-sent">{formatNumber(live.stats()?.sent ?? 0)}</strong> sent
				</span>
				<span>
					<strong>{formatNumber(live.stats()?.unique_opens ?? 0)}</strong> unique opens
				</span>
				<span>
					<strong>{formatNumber(live.stats()?.unique_clicks ?? 0)}</strong> unique clicks
				</span>
				<span>
					{audience() > 0
						? `${formatNumber(processed())} of ${formatNumber(audience())} processed`
						: "Preparing the audience…"}
				</span>
			</div>
		</li>
	);
}

/**
 * Every campaign sending (or paused) right now, each with its own live socket. The list itself is refreshed
 * every few seconds to find new sends; one that finishes while watched stays, marked completed, until the
 * page is left.
 */
export function SendingNow() {
	const me = useMe();
	const [shown, setShown] = createSignal<Campaign[]>([]);
	const refresh = async () => {
		const { data } = await listCampaigns({ limit: 100 });
		const active = data.filter((c) => c.status === "sending" || c.status === "paused");
		setShown((prev) => {
			const known = new Set(prev.map((c) => c.id));
			return [...prev, ...active.filter((c) => !known.has(c.id))];
		});
	};
	createEffect(
		on(
			() => me().workspace.id,
			() => {
				setShown([]);
				void refresh().catch(() => undefined);
			},
		),
	);
	createPolling(() => true, refresh, DISCOVER_MS);
	return (
		<Show when={shown().length > 0}>
			<section class="card section-before" aria-labelledby="sending-now">
				<div class="card-head">
					<h2 class="card-title" id="sending-now">
						Sending now
					</h2>
					<A href="/campaigns" class="small">
						All campaigns
					</A>
				</div>
				<ul class="live-list">
					<For each={shown()}>{(c) => <LiveCampaignRow campaign={c} />}</For>
				</ul>
			</section>
		</Show>
	);
}

/** The latest few campaigns, once there are any. */
export function RecentCampaigns() {
	const me = useMe();
	const [recent, { refetch }] = createResource(
		() => me().workspace.id,
		async () => (await listCampaigns({ limit: 5 })).data,
	);
	// Rows still sending are refreshed now and then (the "Sending now" section above has their live numbers).
	createPolling(
		() => (recent.latest ?? []).some((c) => c.status === "sending" || c.status === "paused"),
		async () => refetch(),
		5_000,
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
