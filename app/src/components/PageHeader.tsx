import { type JSX, Show } from "solid-js";

export function PageHeader(props: { title: string; description?: string; actions?: JSX.Element; meta?: JSX.Element }) {
	return (
		<header class="page-header">
			<div>
				<Show when={props.meta} fallback={<h1>{props.title}</h1>}>
					<div class="page-title-row">
						<h1>{props.title}</h1>
						{props.meta}
					</div>
				</Show>
				<Show when={props.description}>
					<p class="muted">{props.description}</p>
				</Show>
			</div>
			<Show when={props.actions}>
				<div class="page-actions">{props.actions}</div>
			</Show>
		</header>
	);
}
