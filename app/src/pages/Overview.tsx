import { A } from "@solidjs/router";
import { For } from "solid-js";
import { PageHeader } from "../components/PageHeader";
import { useMe } from "../lib/session";

/** The home page: a welcome and the first steps to set a workspace up. */
export default function Overview() {
	const me = useMe();
	const steps = () => [
		{
			done: me().workspace.postal_address.trim() !== "",
			title: "Add your postal address",
			text: "Every marketing email carries it in the footer, as the law requires.",
			href: "/settings/workspace",
			cta: "Workspace settings",
		},
		{
			done: me().workspace.default_from_email !== "",
			title: "Set a default sender",
			text: "The name and address your campaigns come from.",
			href: "/settings/workspace",
			cta: "Set sender",
		},
		{
			done: false,
			title: "Invite your team",
			text: "Editors write and send campaigns; viewers follow the results.",
			href: "/settings/members",
			cta: "Invite members",
		},
		{
			done: false,
			title: "Connect your app",
			text: "Create an API key to sync contacts and events from your product.",
			href: "/settings/api-keys",
			cta: "Create an API key",
		},
	];
	return (
		<>
			<PageHeader
				title={`Welcome${me().user ? `, ${me().user?.name.split(" ")[0]}` : ""}`}
				description={`Here is how to get ${me().workspace.name} ready to send.`}
			/>
			<section class="card">
				<h2 class="card-title">Get started</h2>
				<ol class="steps">
					<For each={steps()}>
						{(step) => (
							<li class="step" classList={{ done: step.done }}>
								<span class="step-mark" aria-hidden="true">
									{step.done ? "✓" : ""}
								</span>
								<div class="step-text">
									<strong>{step.title}</strong>
									<span class="muted">{step.done ? "Done." : step.text}</span>
								</div>
								<A href={step.href} class="btn btn-secondary btn-sm">
									{step.cta}
								</A>
							</li>
						)}
					</For>
				</ol>
			</section>
		</>
	);
}
