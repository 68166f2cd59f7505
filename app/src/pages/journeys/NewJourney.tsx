import { A } from "@solidjs/router";
import { PageHeader } from "../../components/PageHeader";
import { StarterPicker } from "./StarterPicker";
import "./journeys.css";

/** `/journeys/new`: start from a starter or a blank flow. */
export default function NewJourney() {
	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/journeys">Journeys</A> <span aria-hidden="true">/</span> <span>New journey</span>
			</nav>
			<PageHeader
				title="New journey"
				description="Pick a starter: it is saved as a draft you can change step by step before activating it."
			/>
			<section class="card pad">
				<StarterPicker />
			</section>
		</>
	);
}
