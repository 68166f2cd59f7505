import { useLocation, useParams } from "@solidjs/router";
import { createResource, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { LoadingState } from "../../components/Spinner";
import { ApiError, getJourney, messageOf } from "../../lib/api";
import { JourneyBuilder } from "./JourneyBuilder";
import { JourneyReview } from "./JourneyReview";
import { LiveJourney } from "./live/LiveJourney";
import "./journeys.css";

/** `/journeys/:id` (a draft opens in the builder, a running journey on its live page) and `/journeys/:id/edit`. */
export default function JourneyPage() {
	const params = useParams<{ id: string }>();
	const location = useLocation();
	const [journey, { refetch, mutate }] = createResource(
		() => params.id,
		(id) => getJourney(id),
	);
	const editing = () => location.pathname.endsWith("/edit") || journey.latest?.status === "draft";
	const notFound = () => journey.error instanceof ApiError && journey.error.status === 404;
	return (
		<Switch fallback={<LoadingState label="Loading journey…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="journeys"
						title="Journey not found"
						action={<LinkButton href="/journeys">Back to journeys</LinkButton>}
					>
						It may have been deleted.
					</EmptyState>
				</section>
			</Match>
			<Match when={journey.error && !journey.latest}>
				<section class="card">
					<EmptyState title="Could not load this journey" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(journey.error)}
					</EmptyState>
				</section>
			</Match>
			<Match
				when={
					// Reading `state` (not only `latest`) keeps this in step when the page is reached by navigation.
					(journey.state === "ready" || journey.state === "refreshing") && journey.latest?.id === params.id
						? journey.latest
						: undefined
				}
			>
				{(j) => (
					<>
						<Show
							when={editing()}
							keyed
							fallback={
								<LiveJourney
									journey={j()}
									onStatus={(status) => mutate((prev) => (prev ? { ...prev, status } : prev))}
								/>
							}
						>
							<JourneyBuilder journey={j()} onSaved={(fresh) => mutate(fresh)} />
						</Show>
						<JourneyReview id={j().id} />
					</>
				)}
			</Match>
		</Switch>
	);
}
