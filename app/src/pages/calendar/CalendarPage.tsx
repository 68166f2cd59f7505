import { A, useSearchParams } from "@solidjs/router";
import { createMemo, createResource, For, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { type CalendarItem, getCalendar, messageOf } from "../../lib/api";
import { dayKey, formatMonthParam, type Month, monthGrid, parseMonth, shiftMonth } from "./month";
import "./calendar.css";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const monthName = new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric" });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });
/** On a phone the month is a list of the days with something on them, each named ("Thu 3"). */
const weekday = new Intl.DateTimeFormat(undefined, { weekday: "short" });

const TONE: Record<CalendarItem["type"], BadgeTone> = { campaign: "accent", journey: "success", milestone: "neutral" };
const toneOf = (item: CalendarItem): BadgeTone => (item.status === "overdue" ? "danger" : TONE[item.type]);

/** `/calendar?month=2026-12`: the workspace's campaigns, journey activations and milestones on a month grid. */
export default function CalendarPage() {
	const [params, setParams] = useSearchParams<{ month?: string }>();
	const month = createMemo(() => parseMonth(params.month, new Date()));
	const days = createMemo(() => monthGrid(month()));
	const [items] = createResource(days, (shown) => {
		const first = shown[0] as Date;
		const last = shown[shown.length - 1] as Date;
		const end = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
		return getCalendar(first.toISOString(), end.toISOString());
	});
	const byDay = createMemo(() => {
		const map = new Map<string, CalendarItem[]>();
		for (const item of items.latest?.data ?? []) {
			const key = dayKey(new Date(item.at));
			map.set(key, [...(map.get(key) ?? []), item]);
		}
		return map;
	});
	const weeks = createMemo(() => {
		const all = days();
		return Array.from({ length: all.length / 7 }, (_, i) => all.slice(i * 7, i * 7 + 7));
	});
	const go = (m: Month) => setParams({ month: formatMonthParam(m) });
	const today = dayKey(new Date());

	return (
		<>
			<PageHeader
				title="Calendar"
				description="Campaigns scheduled and sent, journeys activated, and each campaign's milestones before it sends."
				actions={
					<div style={{ display: "flex", gap: "8px" }}>
						<Button size="sm" aria-label="Previous month" onClick={() => go(shiftMonth(month(), -1))}>
							‹
						</Button>
						<Button size="sm" onClick={() => setParams({ month: undefined })}>
							Today
						</Button>
						<Button size="sm" aria-label="Next month" onClick={() => go(shiftMonth(month(), 1))}>
							›
						</Button>
					</div>
				}
			/>
			<section class="card stack" aria-labelledby="month-title">
				<h2 id="month-title" class="card-title" data-testid="calendar-month">
					{monthName.format(new Date(month().year, month().month, 1))}
				</h2>
				<FormAlert message={items.error ? messageOf(items.error) : undefined} />
				<Show when={items.latest} fallback={<LoadingState label="Loading the calendar…" />}>
					<Show when={(items.latest?.data.length ?? 0) === 0}>
						<p class="muted small">
							Nothing planned in these weeks. <A href="/campaigns/new">Create a campaign</A> and schedule it to see it
							here.
						</p>
					</Show>
					<div class="calendar-scroll">
						<table aria-label="Month" class="calendar-month">
							<thead>
								<tr>
									<For each={WEEKDAYS}>
										{(d) => (
											<th scope="col" class="small muted">
												{d}
											</th>
										)}
									</For>
								</tr>
							</thead>
							<tbody>
								<For each={weeks()}>
									{(week) => (
										<tr>
											<For each={week}>
												{(day) => (
													<td
														data-day={dayKey(day)}
														classList={{
															"calendar-other-month": day.getMonth() !== month().month,
															"calendar-empty": !byDay().get(dayKey(day))?.length,
														}}
													>
														<div class="small" style={{ "font-weight": dayKey(day) === today ? 700 : 400 }}>
															<span class="calendar-weekday">{weekday.format(day)} </span>
															{day.getDate()}
														</div>
														<For each={byDay().get(dayKey(day)) ?? []}>{(item) => <Entry item={item} />}</For>
													</td>
												)}
											</For>
										</tr>
									)}
								</For>
							</tbody>
						</table>
					</div>
				</Show>
				<p class="small muted">
					<Badge tone="accent">Campaign</Badge> <Badge tone="success">Journey</Badge>{" "}
					<Badge tone="neutral">◆ Milestone</Badge> <Badge tone="danger">◆ Overdue milestone</Badge>
				</p>
			</section>
			<div>
				<LinkButton href="/campaigns" variant="ghost" size="sm">
					All campaigns
				</LinkButton>
			</div>
		</>
	);
}

/** One item on its day: a link to the campaign (or journey), its time or a milestone mark, colored by kind. */
function Entry(props: { item: CalendarItem }) {
	return (
		<A
			href={props.item.link}
			class="small"
			data-testid="calendar-item"
			data-type={props.item.type}
			title={`${props.item.name} (${props.item.status.replace("_", " ")}) ${time.format(new Date(props.item.at))}`}
			style={{ display: "block", margin: "4px 0", "text-decoration": "none", "overflow-wrap": "anywhere" }}
		>
			<Badge tone={toneOf(props.item)}>
				{props.item.type === "milestone"
					? props.item.status === "done"
						? "✓"
						: "◆"
					: time.format(new Date(props.item.at))}
			</Badge>{" "}
			{props.item.name}
		</A>
	);
}
