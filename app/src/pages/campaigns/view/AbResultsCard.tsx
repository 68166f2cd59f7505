import { type Accessor, createEffect, createResource, createSignal, on, onCleanup, Show } from "solid-js";
import { Badge } from "../../../components/Badge";
import { Button } from "../../../components/Button";
import { type Column, Table } from "../../../components/Table";
import { toast } from "../../../components/Toasts";
import { getAbResults, messageOf, pickAbWinner } from "../../../lib/api";
import { formatDate, formatNumber } from "../../../lib/format";
import { createPolling } from "../../../lib/poll";
import { AbRateChart } from "./AbRateChart";
import { intervalText, PHASE_WORDS, percent, pValueText, verdict } from "./ab-words";

type Results = Awaited<ReturnType<typeof getAbResults>>;
type Arm = Results["arms"][number];

const METRIC_WORDS = { clicks: "people who clicked", opens: "people who opened", conversion: "people who converted" };

/**
 * The A/B test's results, per arm: sent, the rate with its always-valid interval (valid however often it is looked
 * at), the p-value against the first variant, the winner and why, and for editors a button to pick the winner.
 * Reloaded whenever the campaign's live numbers move, and at once when the socket says the phase changed.
 */
export function AbResultsCard(props: {
	campaignId: string;
	canEdit: boolean;
	tick: Accessor<unknown>;
	status?: string;
	/** The phase changes the campaign's socket pushes: each reloads the results at once. */
	phase?: Accessor<unknown>;
}) {
	const [results, { refetch }] = createResource(() => props.campaignId, getAbResults);
	createEffect(
		on(
			() => props.phase?.(),
			() => void refetch(),
			{ defer: true },
		),
	);
	// At most one reload every two seconds, and always one after the last change.
	let last = 0;
	let timer: ReturnType<typeof setTimeout> | undefined;
	createEffect(
		on(
			props.tick,
			() => {
				if (timer) return;
				timer = setTimeout(
					() => {
						timer = undefined;
						last = Date.now();
						void refetch();
					},
					Math.max(0, 2_000 - (Date.now() - last)),
				);
			},
			{ defer: true },
		),
	);
	onCleanup(() => clearTimeout(timer));
	// A decision can come with no new numbers (the end of the test): look again now and then until it is done.
	createPolling(
		() => results.latest?.phase !== "done" && Boolean(results.latest?.ends_at),
		async () => refetch(),
		15_000,
	);
	const [picking, setPicking] = createSignal<string>();
	const pick = async (arm: Arm) => {
		setPicking(arm.variant_id);
		try {
			await pickAbWinner(props.campaignId, arm.variant_id);
			toast.success(`${arm.name} is the winner: sending it to everyone else`);
			void refetch();
		} catch (e) {
			toast.error(messageOf(e));
		} finally {
			setPicking(undefined);
		}
	};
	const canPick = () =>
		props.canEdit &&
		(props.status === "sending" || props.status === "paused") &&
		(results()?.phase === "testing" || results()?.phase === "deciding");
	const columns = (): Column<Arm>[] => [
		{
			header: "Variant",
			cell: (arm) => (
				<span data-col="variant">
					{arm.name}{" "}
					<Show when={results()?.winner?.variant_id === arm.variant_id}>
						<Badge tone="success">winner</Badge>
					</Show>
				</span>
			),
		},
		{ header: "Sent", class: "cell-num", cell: (arm) => <span data-col="sent">{formatNumber(arm.sent)}</span> },
		{ header: "Rate", class: "cell-num", cell: (arm) => <span data-col="rate">{percent(arm.rate)}</span> },
		{
			header: "Interval",
			class: "cell-num",
			cell: (arm) => <span data-col="interval">{intervalText(arm.interval as [number, number])}</span>,
		},
		{ header: "p-value", class: "cell-num", cell: (arm) => <span data-col="p">{pValueText(arm.p_value)}</span> },
		...(canPick()
			? [
					{
						header: "",
						cell: (arm: Arm) => (
							<Button size="sm" loading={picking() === arm.variant_id} onClick={() => void pick(arm)}>
								Pick {arm.name}
							</Button>
						),
					},
				]
			: []),
	];
	return (
		<Show when={results.latest}>
			{(r) => (
				<section class="card card-flush" aria-labelledby="ab-title" data-testid="ab-results">
					<div class="card-head pad">
						<h2 class="card-title" id="ab-title">
							A/B test: {verdict(r(), props.status)}
						</h2>
						<span class="muted small">
							{r().phase ? PHASE_WORDS[r().phase as keyof typeof PHASE_WORDS] : "Not started"} · rate ={" "}
							{METRIC_WORDS[r().metric]} per recipient
							{r().ends_at && r().phase === "testing" ? ` · ends ${formatDate(r().ends_at as string)}` : ""}
						</span>
					</div>
					<Table label="A/B arms" columns={columns()} rows={r().arms} rowKey={(arm) => arm.variant_id} empty={<p />} />
					<div class="pad stack">
						<AbRateChart
							series={r().series}
							names={Object.fromEntries(r().arms.map((arm) => [arm.variant_id, arm.name]))}
						/>
						<Show when={r().winner}>
							{(w) => (
								<p data-testid="ab-reason">
									{w().reason} <span class="muted small">({formatDate(w().decided_at)})</span>
								</p>
							)}
						</Show>
						<Show when={r().chi_square}>
							{(chi) => (
								<p class="muted small">
									χ² across all variants: {chi().statistic.toFixed(2)} (p {pValueText(chi().p_value)}). Intervals and
									p-values stay valid however often you look.
								</p>
							)}
						</Show>
					</div>
				</section>
			)}
		</Show>
	);
}
