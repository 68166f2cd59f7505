import { createResource, For, Show } from "solid-js";
import { ProgressBar } from "../../../components/ProgressBar";
import { getCampaignAudience } from "../../../lib/api";
import { formatNumber } from "../../../lib/format";
import type { Campaign, CampaignStats, CampaignStatus } from "../../../lib/types";
import { processedOf } from "../shared";
import { LiveIndicator } from "./LiveIndicator";
import type { LiveState } from "./numbers";

type Props = {
	campaign: Campaign;
	status: CampaignStatus;
	stats: CampaignStats | undefined;
	liveState: LiveState;
};

/** Progress of the send and the delivery numbers; before the send, the audience it would have now. */
export function DeliveryCard(props: Props) {
	const started = () => props.status !== "draft" && props.status !== "scheduled";
	const processed = () => (props.stats ? processedOf(props.stats) : props.campaign.progress.processed);
	const audience = () => props.stats?.audience ?? props.campaign.progress.audience;
	// The server's count: exactly who a send would mail now (unsubscribed and suppressed addresses left out).
	const [audienceNow] = createResource(
		() => (started() ? false : props.campaign.id),
		async (id) => ({ sendable: (await getCampaignAudience(id)).count }),
	);
	const cards = () => {
		const s = props.stats;
		return [
			{ label: "Audience", value: s?.audience, tone: "" },
			{ label: "Sent", value: s?.sent, tone: "stat-success" },
			{ label: "Failed", value: s?.failed, tone: s?.failed ? "stat-danger" : "" },
			{ label: "Suppressed", value: s?.suppressed, tone: "stat-warning" },
			...(s?.capped ? [{ label: "Capped", value: s.capped, tone: "stat-warning" }] : []),
			{ label: "Cancelled", value: s?.cancelled, tone: "" },
		];
	};
	return (
		<section class="card stack" aria-label="Delivery">
			<Show
				when={started()}
				fallback={
					<div class="not-started">
						<div>
							<h2 class="card-title">Not sent yet</h2>
							<p class="muted">
								<Show when={audienceNow.latest} fallback={<>Counting the audience…</>}>
									{(a) => (
										<>
											It would go to{" "}
											<strong data-testid="audience-now">
												{formatNumber(a().sendable)} {a().sendable === 1 ? "contact" : "contacts"}
											</strong>{" "}
											right now.
										</>
									)}
								</Show>
							</p>
						</div>
					</div>
				}
			>
				<div class="card-head">
					<h2 class="card-title">Progress</h2>
					<LiveIndicator state={props.liveState} />
				</div>
				<ProgressBar
					label="Send progress"
					value={processed()}
					max={audience()}
					caption={`${formatNumber(processed())} of ${formatNumber(audience())} recipients processed${props.status === "sending" ? " so far" : ""}`}
				/>
			</Show>
			{/* Before the send there are no numbers yet: the audience it would have is stated above instead. */}
			<Show when={started()}>
				<dl class="stats" aria-label="Delivery numbers" data-testid="delivery-stats">
					<For each={cards()}>
						{(card) => (
							<div class={`stat ${card.tone}`} data-stat={card.label.toLowerCase()}>
								<dt>{card.label}</dt>
								<dd>{card.value === undefined ? "—" : formatNumber(card.value)}</dd>
							</div>
						)}
					</For>
				</dl>
			</Show>
		</section>
	);
}
