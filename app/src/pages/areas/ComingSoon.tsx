import { A } from "@solidjs/router";
import { For } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import type { Area } from "./areas";

/** The tidy placeholder for an area of Pulse that is not built yet. */
export function ComingSoon(props: { area: Area }) {
	return (
		<>
			<PageHeader title={props.area.title} description={props.area.description} />
			<section class="card">
				<EmptyState
					icon={props.area.icon}
					title={`${props.area.title} are on the way`}
					action={
						<A href="/settings/api-keys" class="btn btn-secondary btn-md">
							Create an API key meanwhile
						</A>
					}
				>
					<p>This is where you will find:</p>
					<ul class="checklist">
						<For each={props.area.coming}>{(item) => <li>{item}</li>}</For>
					</ul>
				</EmptyState>
			</section>
		</>
	);
}
