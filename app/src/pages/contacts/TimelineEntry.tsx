import { A } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { Badge } from "../../components/Badge";
import { formatNumber } from "../../lib/format";
import type { TimelineItem } from "../../lib/types";

const times = (n: number, what: string) => `${formatNumber(n)} ${what}${n === 1 ? "" : "s"}`;

const JOURNEY_WORDS: Record<string, string> = { active: "in progress", completed: "completed", exited: "exited" };

type Of<K extends TimelineItem["kind"]> = Extract<TimelineItem, { kind: K }>;

const CampaignLink = (props: { id: string | null; name: string | null }) => (
	<Show when={props.id} fallback={<span class="muted">a test send</span>}>
		{(id) => <A href={`/campaigns/${id()}`}>{props.name ?? "a deleted campaign"}</A>}
	</Show>
);

/** The flag of an open or click: a machine or a bot is shown as such, never as the person. */
const FlagBadge = (props: { flag: "machine" | "bot" | null }) => (
	<Show when={props.flag}>
		{(flag) => (
			<Badge tone="warning">
				<span
					data-testid="timeline-flag"
					title={
						flag() === "machine"
							? "A privacy-proxy prefetch (Apple Mail Privacy Protection): not counted as an open"
							: "A link scanner: not counted as a click"
					}
				>
					{flag() === "machine" ? "machine open" : "bot click"}
				</span>
			</Badge>
		)}
	</Show>
);

/** One line of a contact's timeline: what happened, in words. */
export function TimelineEntry(props: { item: TimelineItem }) {
	return (
		<Switch>
			<Match when={props.item.kind === "message" && (props.item as Of<"message">)}>
				{(m) => (
					<>
						<div>
							Sent <CampaignLink id={m().campaign_id} name={m().campaign_name} /> <Badge>{m().status}</Badge>
						</div>
						<div class="muted small">
							{times(m().opens, "open")} and {times(m().clicks, "click")} by the person
							<Show when={m().machine_opens + m().bot_clicks > 0}>
								{" "}
								· {times(m().machine_opens, "machine open")}, {times(m().bot_clicks, "bot click")}
							</Show>
						</div>
					</>
				)}
			</Match>
			<Match when={(props.item.kind === "open" || props.item.kind === "click") && (props.item as Of<"open" | "click">)}>
				{(t) => (
					<div>
						{t().kind === "open" ? "Opened" : "Clicked"} <CampaignLink id={t().campaign_id} name={t().campaign_name} />{" "}
						<FlagBadge flag={t().flag} />
						<Show when={t().url}>{(url) => <div class="muted small cell-clip mono">{url()}</div>}</Show>
					</div>
				)}
			</Match>
			<Match when={props.item.kind === "event" && (props.item as Of<"event">)}>
				{(e) => (
					<div>
						Event <strong>{e().name}</strong>
						<Show when={Object.keys(e().properties).length > 0}>
							<div class="muted small mono">{JSON.stringify(e().properties)}</div>
						</Show>
					</div>
				)}
			</Match>
			<Match when={props.item.kind === "status" && (props.item as Of<"status">)}>
				{(h) => (
					<div>
						{h().from ? `Status ${h().from} → ` : "Status "}
						<strong>{h().to}</strong> <span class="muted small">({h().source})</span>
					</div>
				)}
			</Match>
			<Match when={props.item.kind === "consent" && (props.item as Of<"consent">)}>
				{(c) => (
					<div>
						Consent recorded <span class="muted small">({c().source})</span>
						<Show when={c().text}>
							<div class="muted small">“{c().text}”</div>
						</Show>
					</div>
				)}
			</Match>
			<Match when={props.item.kind === "journey" && (props.item as Of<"journey">)}>
				{(j) => (
					<div>
						Journey <A href={`/journeys/${j().journey_id}`}>{j().journey_name}</A>{" "}
						<Badge>{JOURNEY_WORDS[j().status] ?? j().status}</Badge>
					</div>
				)}
			</Match>
		</Switch>
	);
}
