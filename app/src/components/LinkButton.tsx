import { A } from "@solidjs/router";
import { type JSX, splitProps } from "solid-js";

type Props = {
	href: string;
	variant?: "primary" | "secondary" | "danger" | "ghost";
	size?: "sm" | "md";
	block?: boolean;
	class?: string;
	children: JSX.Element;
};

/** A link that looks like a `Button`: navigation styled as an action ("Back to campaigns", "New segment"). */
export function LinkButton(props: Props) {
	const [local, rest] = splitProps(props, ["variant", "size", "block", "class", "children"]);
	const classes = () =>
		[
			"btn",
			`btn-${local.variant ?? "secondary"}`,
			`btn-${local.size ?? "md"}`,
			local.block ? "btn-block" : "",
			local.class,
		]
			.filter(Boolean)
			.join(" ");
	return (
		<A class={classes()} {...rest}>
			{local.children}
		</A>
	);
}
