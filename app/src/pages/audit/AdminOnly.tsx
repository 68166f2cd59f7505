import { type JSX, Show } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";

/** A page for admins and owners; others are told so (the API refuses them anyway). */
export function AdminOnly(props: { what: string; children: JSX.Element }) {
	const me = useMe();
	return (
		<Show
			when={atLeast(me().role, "admin")}
			fallback={
				<section class="card">
					<EmptyState title="Admins only">{props.what} is for admins and owners of the workspace.</EmptyState>
				</section>
			}
		>
			{props.children}
		</Show>
	);
}
