import { EmptyState } from "../components/EmptyState";
import { LinkButton } from "../components/LinkButton";

export default function NotFound() {
	return (
		<section class="card">
			<EmptyState
				title="Page not found"
				action={
					<LinkButton href="/" variant="primary">
						Go to overview
					</LinkButton>
				}
			>
				The page you asked for does not exist or has moved.
			</EmptyState>
		</section>
	);
}
