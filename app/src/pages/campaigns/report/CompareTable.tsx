import { A } from "@solidjs/router";
import { For, type JSX } from "solid-js";
import { formatNumber } from "../../../lib/format";
import type { CampaignComparison } from "../../../lib/types";
import { formatRate, type Rate, reportRates } from "./rates";

type Row = { label: string; cell: (c: CampaignComparison) => JSX.Element };

const rateCell = (rate: Rate | null) =>
	rate ? (
		<>
			<strong>{formatRate(rate.value)}</strong>
			<div class="muted small">
				{formatNumber(rate.part)} of {formatNumber(rate.base)} {rate.baseLabel}
			</div>
		</>
	) : (
		<span class="muted">Not reported</span>
	);

const ROWS: Row[] = [
	{ label: "Status", cell: (c) => c.status },
	{ label: "Sent", cell: (c) => formatNumber(c.stats.sent) },
	{ label: "Delivered", cell: (c) => rateCell(reportRates(c.stats).delivered) },
	{ label: "Open rate", cell: (c) => rateCell(reportRates(c.stats).open) },
	{ label: "Click rate", cell: (c) => rateCell(reportRates(c.stats).click) },
	{ label: "Click-to-open rate", cell: (c) => rateCell(reportRates(c.stats).clickToOpen) },
	{
		label: "Opens: people / machines",
		cell: (c) => `${formatNumber(c.stats.opens - c.stats.machine_opens)} / ${formatNumber(c.stats.machine_opens)}`,
	},
	{
		label: "Clicks: people / bots",
		cell: (c) => `${formatNumber(c.stats.clicks - c.stats.bot_clicks)} / ${formatNumber(c.stats.bot_clicks)}`,
	},
	{ label: "Bounced", cell: (c) => formatNumber(c.stats.bounced) },
	{ label: "Unsubscribed", cell: (c) => formatNumber(c.stats.unsubscribed) },
];

/** Campaigns as columns, measures as rows: each rate with its base, so unequal bases are visible. */
export function CompareTable(props: { rows: CampaignComparison[] }) {
	return (
		<div class="table-wrap">
			<table class="table compare-table" data-testid="compare-table">
				<thead>
					<tr>
						<th scope="col">Measure</th>
						<For each={props.rows}>
							{(c) => (
								<th scope="col">
									<A href={`/campaigns/${c.id}`}>{c.name}</A>
								</th>
							)}
						</For>
					</tr>
				</thead>
				<tbody>
					<For each={ROWS}>
						{(row) => (
							<tr>
								<th scope="row">{row.label}</th>
								<For each={props.rows}>{(c) => <td>{row.cell(c)}</td>}</For>
							</tr>
						)}
					</For>
				</tbody>
			</table>
		</div>
	);
}
