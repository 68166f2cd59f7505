import { html } from "hono/html";
import { maskEmail, page } from "./recipient-pages";

/** The honeypot: hidden from people (and from screen readers), filled in by form-filling bots. */
export const HONEYPOT = "website";

type FormView = { name: string; consentText: string; askName: boolean };

/** The signup form (served at /f/:id, embeddable in an iframe): email, maybe a first name, the consent wording. */
export const signupFormPage = (
	workspace: string,
	form: FormView,
	action: string,
	state: { error?: string; email?: string; firstName?: string } = {},
) =>
	page(
		`${form.name} · ${workspace}`,
		html`<h1>${form.name}</h1>${state.error ? html`<p role="alert" style="color:#b42318">${state.error}</p>` : ""}
<form method="post" action="${action}" style="text-align:left">
<p><label for="email" style="display:block;border:0;padding:0 0 4px">Email</label><input id="email" name="email" type="email" required autocomplete="email" value="${state.email ?? ""}" style="width:100%;font:inherit;padding:10px;border:1px solid #d0d0dc;border-radius:8px;box-sizing:border-box"></p>
${form.askName ? html`<p><label for="first_name" style="display:block;border:0;padding:0 0 4px">First name</label><input id="first_name" name="first_name" autocomplete="given-name" value="${state.firstName ?? ""}" style="width:100%;font:inherit;padding:10px;border:1px solid #d0d0dc;border-radius:8px;box-sizing:border-box"></p>` : ""}
<div class="sr-only" aria-hidden="true"><label for="${HONEYPOT}">Leave this empty</label><input id="${HONEYPOT}" name="${HONEYPOT}" tabindex="-1" autocomplete="off"></div>
<p style="font-size:14px">${form.consentText}</p>
<button type="submit">Subscribe</button></form><small>We will email you a link to confirm.</small>`,
	);

export const checkInboxPage = (workspace: string) =>
	page(
		"Check your inbox",
		html`<h1>Check your inbox</h1><p>We sent a link to confirm your subscription to ${workspace}. You are subscribed once you open it.</p>`,
	);

/** Shows what the link confirms; nothing changes until the button is pressed (mail scanners follow links). */
export const confirmPage = (workspace: string, email: string, action: string) =>
	page(
		`Confirm your subscription to ${workspace}`,
		html`<h1>Confirm your subscription</h1><p>Receive emails from ${workspace} at <strong>${maskEmail(email)}</strong>.</p>
<form method="post" action="${action}"><button type="submit">Confirm my subscription</button></form>`,
	);

export const confirmedPage = (workspace: string) =>
	page("Subscribed", html`<h1>You're subscribed</h1><p>Thank you: ${workspace} will email you from now on.</p>`);

export const refusedPage = (title: string, message: string) => page(title, html`<h1>${title}</h1><p>${message}</p>`);
