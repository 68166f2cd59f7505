import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { CloneButton } from "../../../components/clone/CloneButton";
import { FormAlert } from "../../../components/FormAlert";
import { LinkButton } from "../../../components/LinkButton";
import { PageHeader } from "../../../components/PageHeader";
import { type Journey, type JourneyStatus, messageOf } from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { atLeast } from "../../../lib/roles";
import { useMe } from "../../../lib/session";
import { LiveIndicator } from "../../campaigns/view/LiveIndicator";
import type { Builder } from "../builder/context";
import { JourneyCanvas } from "../builder/JourneyCanvas";
import { createWorkspaceLists } from "../builder/lists";
import { JourneyStatusBadge } from "../JourneyStatusBadge";
import type { Definition } from "../model/graph";
import { JourneyControls } from "./JourneyControls";
import { JourneyNumbers, SplitArms } from "./JourneyNumbers";
import { createJourneyNumbers } from "./numbers";
import { splitArmRows, splitVerdicts } from "./split-arms";

/** A running (or paused, archived) journey: how many are waiting where, pushed live, and its lifecycle controls. */
export function LiveJourney(props: { journey: Journey; onStatus: (status: JourneyStatus) => void }) {
	const me = useMe();
	const lists = createWorkspaceLists();
	const numbers = createJourneyNumbers(() => props.journey.id);
	const canEdit = () => atLeast(me().role, "editor");
	const builder: Builder = {
		definition: () => props.journey.definition as Definition,
		change: () => {},
		selected: () => undefined,
		select: () => {},
		issuesOf: () => [],
		templates: lists.templates,
		segments: lists.segments,
		readOnly: () => true,
		counts: (id) => numbers.stats()?.nodes[id] ?? { waiting: 0, passed: 0 },
	};
	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/journeys">Journeys</A> <span aria-hidden="true">/</span> <span>{props.journey.name}</span>
			</nav>
			<PageHeader
				title={props.journey.name}
				meta={
					<>
						<JourneyStatusBadge status={props.journey.status} />
						<LiveIndicator state={numbers.state()} />
					</>
				}
				description={`Version ${props.journey.version}${props.journey.activated_at ? ` · activated ${formatDate(props.journey.activated_at)}` : ""}`}
				actions={
					<Show when={canEdit()}>
						<Show when={props.journey.status !== "archived"}>
							<LinkButton href={`/journeys/${props.journey.id}/edit`}>Edit</LinkButton>
						</Show>
						<CloneButton kind="journey" id={props.journey.id} name={props.journey.name} />
						<JourneyControls
							id={props.journey.id}
							name={props.journey.name}
							status={props.journey.status}
							onStatus={props.onStatus}
						/>
					</Show>
				}
			/>
			<div class="stack">
				<FormAlert
					tone="warning"
					message={numbers.error() ? `No numbers yet: ${messageOf(numbers.error())}` : undefined}
				/>
				<Show when={numbers.stats()}>
					{(s) => (
						<JourneyNumbers
							stats={s()}
							hasGoal={(props.journey.definition.exit ?? []).some((exit) => exit.type === "event")}
						/>
					)}
				</Show>
				<JourneyCanvas builder={builder} />
				<Show when={numbers.stats()?.arms && Object.keys(numbers.stats()?.arms ?? {}).length > 0}>
					<SplitArms arms={splitArmRows(numbers.stats())} verdicts={splitVerdicts(numbers.stats())} />
				</Show>
			</div>
		</>
	);
}
