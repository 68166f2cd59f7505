import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { StarterGallery } from "./StarterGallery";

/** `/templates/new`: pick a starter or a blank page; the template is created and opened in the editor. */
export default function NewTemplate() {
	const me = useMe();
	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/templates">Templates</A> <span aria-hidden="true">/</span> <span>New template</span>
			</nav>
			<PageHeader
				title="Start from a template"
				description="Pick a starter or start blank; the new template opens in the editor."
			/>
			<section class="card">
				<Show
					when={atLeast(me().role, "editor")}
					fallback={
						<EmptyState
							icon="templates"
							title="Only editors can create templates"
							action={<LinkButton href="/templates">Back to templates</LinkButton>}
						>
							You are a {me().role}. Ask an admin for the editor role.
						</EmptyState>
					}
				>
					<StarterGallery />
				</Show>
			</section>
		</>
	);
}
