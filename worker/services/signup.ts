import { publicBaseUrl, tokenSecret } from "../config";
import type { Principal } from "../context";
import { createDb } from "../db/client";
import { findContactByEmail } from "../db/contacts";
import { latestOptOut } from "../db/opt-outs";
import { take } from "../db/rate-counter";
import { findFormById, type SignupFormRow } from "../db/signup-forms";
import { findSuppression } from "../db/suppressions";
import { addressKey } from "../domain/address-key";
import { normalizeEmail } from "../domain/contacts/email";
import { consentPredatesOptOut } from "../domain/contacts/opt-out";
import { newId } from "../domain/ids";
import { fallbackSender } from "../domain/invitation-email";
import { confirmationEmail } from "../domain/signup/confirm-email";
import { type SignupClaim, signClaim, verifyClaim } from "../domain/signup/confirm-token";
import { ApiError } from "../errors";
import { providerOutsideQueue } from "../queue/sends-consumer";
import { upsertContact } from "./contacts-write";
import { checkedFrom } from "./sending-domains";
import { sendOutsideQueue } from "./test-send";
import { getWorkspace } from "./workspace";

/** Signups per IP address (a form-filling bot) and confirmation emails per address (mail-bombing someone). */
const PER_IP = { max: 10, windowMs: 10 * 60_000 };
const PER_ADDRESS = { max: 3, windowMs: 60 * 60_000 };

export async function publicForm(env: Env, id: string) {
	const db = createDb(env.DB);
	const form = await findFormById(db, id);
	if (!form) return null;
	const workspace = await getWorkspace(db, form.workspaceId);
	return { form, workspaceName: workspace.name };
}

async function limited(env: Env, key: string, limit: { max: number; windowMs: number }) {
	const taken = await take(createDb(env.DB), key, limit);
	if (!taken.ok)
		throw new ApiError("rate_limited", "Too many signups from here; try again later.", undefined, {
			"retry-after": String(taken.retryAfterSeconds),
		});
}

/**
 * A form was sent: nothing is stored, the person is emailed a signed link (double opt-in) through the one path
 * for emails outside campaigns. A bot that filled the honeypot, or a suppressed (bounced, complained) address,
 * sees the same answer and gets nothing, so the form tells no one which addresses exist.
 */
export async function submitSignup(
	env: Env,
	form: SignupFormRow,
	input: { email: string; firstName?: string; honeypot?: string },
	request: { ip: string | null; url: string },
) {
	await limited(env, `form:ip:${request.ip ?? "unknown"}`, PER_IP); // apart from account signups' `signup:ip:`
	if (input.honeypot) return;
	const email = normalizeEmail(input.email);
	if (!email.ok) throw new ApiError("validation_failed", email.reason, [{ path: "email", message: email.reason }]);
	const address = await addressKey(tokenSecret(env), email.email); // the key outlives an erasure: no plain address
	await limited(env, `signup:address:${form.workspaceId}:${address}`, PER_ADDRESS);
	const db = createDb(env.DB);
	const suppression = await findSuppression(db, form.workspaceId, email.email);
	if (suppression && suppression.reason !== "unsubscribed") return;
	const firstName = input.firstName?.trim().slice(0, 100) || undefined;
	const claim: SignupClaim = {
		f: form.id,
		email: email.email,
		...(firstName && { first_name: firstName }),
		at: Date.now(),
		ip: request.ip,
	};
	const base = publicBaseUrl(env, request.url);
	const url = `${base}/f/confirm/${await signClaim(tokenSecret(env), claim)}`;
	const workspace = await getWorkspace(db, form.workspaceId);
	const from = await checkedFrom(
		env.DB,
		form.workspaceId,
		workspace.defaultFromName || workspace.name,
		workspace.defaultFromEmail || fallbackSender(base),
		"default_from_email",
	);
	const content = await confirmationEmail({ workspace: workspace.name, url });
	const provider = await providerOutsideQueue(env, form.workspaceId);
	const messageId = newId("msg");
	const to = { messageId, workspaceId: form.workspaceId, campaignId: null, to: email.email, from, replyTo: null };
	await sendOutsideQueue(provider, [{ ...to, ...content, headers: {} }], `signup_${messageId}`, "the confirmation");
}

/** Who a confirmed signup acts as in the contact's history: the form itself. */
const formActor = (form: SignupFormRow): Principal => ({
	kind: "api_key",
	apiKeyId: `signup_form:${form.id}`,
	workspaceId: form.workspaceId,
	role: "editor",
});

export async function readClaim(env: Env, token: string) {
	const claim = await verifyClaim(tokenSecret(env), token);
	if (!claim) return null;
	const found = await publicForm(env, claim.f);
	return found ? { claim, ...found } : null;
}

/**
 * The link was followed and confirmed: the contact is created (or updated) subscribed, with the form's tags and
 * a consent record of the form, its wording, and the time and IP of the signup. Confirming twice changes nothing
 * more. A link is spent once the person says no after it: unsubscribed or erased since the form was sent, the
 * link is refused (`outdated`) and changes nothing. A bounced or complained address is refused (409), as everywhere.
 */
export async function confirmSignup(
	env: Env,
	claim: SignupClaim,
	form: SignupFormRow,
): Promise<{ already: boolean; outdated?: true }> {
	const consent = {
		source: `signup form "${form.name}" (${form.id}), confirmed by email`,
		text: form.consentText,
		at: new Date(claim.at).toISOString(),
		...(claim.ip && { ip: claim.ip.slice(0, 64) }),
	};
	const db = createDb(env.DB);
	const existing = await findContactByEmail(db, form.workspaceId, claim.email);
	const sameSignup = existing?.consentAt?.getTime() === claim.at && existing.consentSource === consent.source;
	if (existing?.status === "subscribed" && sameSignup) return { already: true };
	const optedOutAt = await latestOptOut(db, form.workspaceId, claim.email, existing?.id);
	if (consentPredatesOptOut(claim.at, optedOutAt)) return { already: false, outdated: true };
	await upsertContact(
		env,
		{ actor: formActor(form), ip: claim.ip },
		{
			email: claim.email,
			...(claim.first_name && { first_name: claim.first_name }),
			tags: form.tags,
			status: "subscribed",
			consent,
		},
		"signup_form",
	);
	return { already: false };
}
