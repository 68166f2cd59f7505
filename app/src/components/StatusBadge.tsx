import { For, Show } from "solid-js";
import type { ContactStatus } from "../lib/types";
import { Badge, type BadgeTone } from "./Badge";

const TONES: Record<ContactStatus, BadgeTone> = {
	subscribed: "success",
	unsubscribed: "neutral",
	bounced: "warning",
	complained: "danger",
};

/** A contact's subscription status. */
export function StatusBadge(props: { status: ContactStatus }) {
	return <Badge tone={TONES[props.status]}>{props.status}</Badge>;
}

/** A short list of tags as chips. */
export function TagList(props: { tags: string[]; max?: number }) {
	const shown = () => props.tags.slice(0, props.max ?? props.tags.length);
	const more = () => props.tags.length - shown().length;
	return (
		<span class="tag-list">
			<For each={shown()}>{(tag) => <span class="tag">{tag}</span>}</For>
			<Show when={more() > 0}>
				<span class="muted small">+{more()}</span>
			</Show>
		</span>
	);
}
