import type { JSX } from "solid-js";

export type BadgeTone = "neutral" | "accent" | "success" | "warning" | "danger";

export function Badge(props: { tone?: BadgeTone; children: JSX.Element }) {
	return <span class={`badge badge-${props.tone ?? "neutral"}`}>{props.children}</span>;
}
