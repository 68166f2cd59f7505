import { type Column, Table } from "../../../components/Table";
import { formatNumber } from "../../../lib/format";
import type { CampaignStats } from "../../../lib/types";

type Link = CampaignStats["links"][number];

const columns: Column<Link>[] = [
	{
		header: "URL",
		class: "cell-clip",
		cell: (link) => (
			<a href={link.url} target="_blank" rel="noopener noreferrer" class="mono small" title={link.url}>
				{link.url}
			</a>
		),
	},
	{ header: "Clicks", class: "cell-num", cell: (link) => <span data-col="clicks">{formatNumber(link.clicks)}</span> },
	{
		header: "Unique clicks",
		class: "cell-num",
		cell: (link) => <span data-col="unique">{formatNumber(link.unique_clicks)}</span>,
	},
];

/** Clicks per URL. */
export function LinksCard(props: { links: Link[] | undefined }) {
	return (
		<section class="card card-flush" aria-labelledby="links-title">
			<div class="card-head pad">
				<h2 class="card-title" id="links-title">
					Links clicked
				</h2>
				<span class="muted small">All clicks, and unique people (bots left out)</span>
			</div>
			<Table
				label="Links"
				columns={columns}
				rows={props.links}
				rowKey={(link) => link.url}
				empty={
					<p class="muted pad" data-testid="links-empty">
						No clicks yet. Clicks on tracked links are counted here per URL.
					</p>
				}
			/>
		</section>
	);
}
