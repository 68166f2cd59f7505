import type { Principal } from "../context";
import { createDb } from "../db/client";
import { newId } from "../domain/ids";
import type { RenderContact } from "../domain/templates/render";
import { ApiError } from "../errors";
import type { EmailProvider, OutboundEmail } from "../queue/providers/provider";
import { recordAudit } from "./audit";
import { checkedFrom } from "./sending-domains";
import { checkTestRecipients, contactForPreview, getTemplate, type PreviewAs, renderFor } from "./templates";
import { getWorkspace } from "./workspace";

type TestSend = PreviewAs & { to: string[] };

/**
 * Sends a template to up to 5 addresses through the configured provider (the capture outbox
 * without a Resend key), rendered exactly as a campaign would render it for the chosen contact.
 */
export async function sendTest(
	env: { d1: D1Database; secret: string; baseUrl: string; provider: EmailProvider },
	actor: Principal,
	templateId: string,
	input: TestSend,
) {
	const recipients = checkTestRecipients(input.to);
	const workspace = await getWorkspace(createDb(env.d1), actor.workspaceId);
	if (!workspace.defaultFromEmail) {
		throw new ApiError("unprocessable", "Set a default sender email in workspace settings before sending tests", [
			{ path: "from", message: "No default sender" },
		]);
	}
	const template = await getTemplate(env.d1, actor.workspaceId, templateId);
	const contact: RenderContact = await contactForPreview(env.d1, actor.workspaceId, input);
	const from = await checkedFrom(
		env.d1,
		actor.workspaceId,
		workspace.defaultFromName,
		workspace.defaultFromEmail,
		"default_from_email",
	);
	const emails = [];
	for (const to of recipients) {
		const messageId = newId("test");
		const rendered = await renderFor(env, actor.workspaceId, template, contact, messageId);
		emails.push({
			messageId,
			workspaceId: actor.workspaceId,
			campaignId: null,
			to,
			from,
			replyTo: null,
			subject: rendered.subject,
			html: rendered.html,
			text: rendered.text,
			headers: rendered.headers,
		});
	}
	const ids = await sendOutsideQueue(env.provider, emails, newId("testsend"), "the test");
	// The campaign readiness checklist counts a test of the template as it is now.
	await recordAudit(createDb(env.d1), {
		workspaceId: actor.workspaceId,
		action: "template.test_send",
		actor,
		target: { type: "template", id: templateId },
		metadata: { recipients: emails.length },
	});
	return { sent: emails.length, provider: env.provider.name, outbox_ids: env.provider.name === "capture" ? ids : [] };
}

/**
 * Sends a few emails made outside a campaign (test sends, invitations) in one provider call, through the
 * workspace's provider and its gate (`providerOutsideQueue`); answers the provider's ids (Outbox ids for the
 * capture outbox). Any refusal, even of one address in a batch otherwise sent, is a 503 naming `what`.
 */
export async function sendOutsideQueue(
	provider: EmailProvider,
	emails: OutboundEmail[],
	idempotencyKey: string,
	what: string,
): Promise<string[]> {
	const result = await provider.sendBatch(emails, idempotencyKey);
	if (!result.ok) throw new ApiError("service_unavailable", `The email provider refused ${what}: ${result.error}`);
	// An address the provider rejects in a batch it otherwise sent is answered as a refusal, as a strict batch was.
	const [rejected] = result.rejected ?? [];
	if (rejected) {
		const to = emails[rejected.index]?.to ?? "an address";
		throw new ApiError("service_unavailable", `The email provider refused ${what} to ${to}: ${rejected.error}`);
	}
	return result.providerIds.filter((id): id is string => id !== null);
}
