import { A } from "@solidjs/router";
import { EmptyState } from "../components/EmptyState";

export default function NotFound() {
	return (
		<section class="card">
			<EmptyState
				title="Page not found"
				action={
					<A href="/" class="btn btn-primary btn-md">
						Go to overview
					</A>
				}
			>
				The page you asked for does not exist or has moved.
			</EmptyState>
		</section>
	);
}
