import type { JSX } from "solid-js";
import { Logo } from "../../components/Logo";

/** The centered card around login, signup and invitations. */
export function AuthLayout(props: { title: string; subtitle?: string; children: JSX.Element; footer?: JSX.Element }) {
	return (
		<main class="auth-page">
			<div class="auth-card">
				<div class="auth-brand">
					<Logo />
				</div>
				<h1>{props.title}</h1>
				{props.subtitle && <p class="muted">{props.subtitle}</p>}
				{props.children}
			</div>
			{props.footer && <p class="auth-footer">{props.footer}</p>}
		</main>
	);
}
