import { type JSX, Show, splitProps } from "solid-js";
import { Spinner } from "./Spinner";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
	variant?: Variant;
	size?: "sm" | "md";
	loading?: boolean;
};

/** The one button: `primary` for the main action of a view, `danger` for destructive ones. */
export function Button(props: ButtonProps) {
	const [local, rest] = splitProps(props, ["variant", "size", "loading", "class", "children", "disabled", "type"]);
	return (
		<button
			type={local.type ?? "button"}
			class={`btn btn-${local.variant ?? "secondary"} btn-${local.size ?? "md"} ${local.class ?? ""}`}
			disabled={local.disabled || local.loading}
			aria-busy={local.loading ? "true" : undefined}
			{...rest}
		>
			<Show when={local.loading}>
				<Spinner size="sm" />
			</Show>
			{local.children}
		</button>
	);
}
