import { type JSX, Show } from "solid-js";
import { Icon, type IconName } from "./Icon";

/** What an empty list or a not-yet-built area says, and what to do next. */
export function EmptyState(props: { title: string; children?: JSX.Element; action?: JSX.Element; icon?: IconName }) {
	return (
		<div class="empty-state">
			<div class="empty-icon">
				<Icon name={props.icon ?? "empty"} size={22} />
			</div>
			<h3>{props.title}</h3>
			<Show when={props.children}>
				<div class="empty-body">{props.children}</div>
			</Show>
			<Show when={props.action}>
				<div class="empty-action">{props.action}</div>
			</Show>
		</div>
	);
}
