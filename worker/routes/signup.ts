import { Hono } from "hono";
import type { AppEnv } from "../context";
import { ApiError } from "../errors";
import { clientIp } from "../middleware/auth";
import { confirmSignup, publicForm, readClaim, submitSignup } from "../services/signup";
import { invalidLinkPage } from "./recipient-pages";
import { checkInboxPage, confirmedPage, confirmPage, HONEYPOT, refusedPage, signupFormPage } from "./signup-pages";

const NO_STORE = { "cache-control": "no-store" };
/** Sites embed the form in an iframe; the confirmation pages are never framed. */
const FRAMEABLE = { ...NO_STORE, "content-security-policy": "frame-ancestors *" };
const NOT_FRAMED = { ...NO_STORE, "content-security-policy": "frame-ancestors 'none'", "x-frame-options": "DENY" };
const MAX_FORM_BYTES = 8_000;

/**
 * The public side of signup forms (no auth, no cookies). `GET /f/:id` is the form (embeddable); `POST /f/:id`
 * emails a signed confirmation link and stores nothing; `GET /f/confirm/:token` shows what it confirms and
 * changes nothing (mail scanners follow links); `POST /f/confirm/:token` subscribes. No page ever redirects,
 * so none can be turned into an open redirect.
 */
export const signupRoutes = new Hono<AppEnv>()
	.get("/confirm/:token", async (c) => {
		const found = await readClaim(c.env, c.req.param("token"));
		if (!found) return c.html(invalidLinkPage(), 404, NOT_FRAMED);
		return c.html(confirmPage(found.workspaceName, found.claim.email, new URL(c.req.url).pathname), 200, NOT_FRAMED);
	})
	.post("/confirm/:token", async (c) => {
		const found = await readClaim(c.env, c.req.param("token"));
		if (!found) return c.html(invalidLinkPage(), 404, NOT_FRAMED);
		try {
			const confirmed = await confirmSignup(c.env, found.claim, found.form);
			if (confirmed.outdated) {
				const message =
					"This confirmation link was already used, or you unsubscribed after it was sent, so it no longer works. To subscribe again, fill in the form once more.";
				return c.html(refusedPage("This link is no longer valid", message), 410, NOT_FRAMED);
			}
		} catch (error) {
			if (!(error instanceof ApiError) || error.code !== "conflict") throw error;
			const message = "Emails to this address bounced or were marked as spam, so it cannot be subscribed.";
			return c.html(refusedPage("This address can't be subscribed", message), 409, NOT_FRAMED);
		}
		return c.html(confirmedPage(found.workspaceName), 200, NOT_FRAMED);
	})
	.get("/:id", async (c) => {
		const found = await publicForm(c.env, c.req.param("id"));
		if (!found) return c.html(refusedPage("Form not found", "This signup form no longer exists."), 404, NO_STORE);
		const view = { name: found.form.name, consentText: found.form.consentText, askName: found.form.askName };
		return c.html(signupFormPage(found.workspaceName, view, new URL(c.req.url).pathname), 200, FRAMEABLE);
	})
	.post("/:id", async (c) => {
		const found = await publicForm(c.env, c.req.param("id"));
		if (!found) return c.html(refusedPage("Form not found", "This signup form no longer exists."), 404, NO_STORE);
		const raw = await c.req.text();
		if (raw.length > MAX_FORM_BYTES) return c.html(refusedPage("Too large", "That form was too large."), 413);
		const body = new URLSearchParams(raw);
		const input = {
			email: body.get("email") ?? "",
			firstName: body.get("first_name") ?? undefined,
			honeypot: body.get(HONEYPOT) ?? undefined,
		};
		const view = { name: found.form.name, consentText: found.form.consentText, askName: found.form.askName };
		const action = new URL(c.req.url).pathname;
		try {
			await submitSignup(c.env, found.form, input, { ip: clientIp(c), url: c.req.url });
		} catch (error) {
			if (!(error instanceof ApiError)) throw error;
			const state = { error: error.message, email: input.email, firstName: input.firstName };
			const status = error.code === "rate_limited" ? 429 : error.code === "validation_failed" ? 422 : 503;
			return c.html(signupFormPage(found.workspaceName, view, action, state), status, {
				...FRAMEABLE,
				...error.headers,
			});
		}
		return c.html(checkInboxPage(found.workspaceName), 200, FRAMEABLE);
	});
