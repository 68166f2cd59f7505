import type { Principal } from "../context";
import { findUserById } from "../db/accounts";
import { createDb } from "../db/client";
import { fallbackSender, invitationEmail } from "../domain/invitation-email";
import { ApiError } from "../errors";
import { providerOutsideQueue } from "../queue/sends-consumer";
import { checkedFrom } from "./sending-domains";
import { sendOutsideQueue } from "./test-send";
import { getWorkspace } from "./workspace";

/** What became of an invitation's email: sent by the provider, kept in the Outbox (test mode), or not sent. */
export type InvitationEmailOutcome = { status: "sent" | "captured" | "failed"; error?: string };

/**
 * Emails an invitation's link to the invitee through the one path every email outside a campaign takes (the
 * workspace's provider and its gate, as a test send; the Outbox in test mode). From the workspace's default
 * sender (a `no-reply@` address on Pulse's own host without one). A failure never undoes the invitation: the
 * link can still be copied, and the answer says why the email did not go.
 */
export async function emailInvitation(
	env: Env,
	actor: Principal,
	invitation: { id: string; email: string; role: string; url: string },
): Promise<InvitationEmailOutcome> {
	try {
		const db = createDb(env.DB);
		const workspace = await getWorkspace(db, actor.workspaceId);
		const inviter = actor.kind === "session" ? await findUserById(db, actor.userId) : null;
		const fromEmail = workspace.defaultFromEmail || fallbackSender(invitation.url);
		const from = await checkedFrom(
			env.DB,
			actor.workspaceId,
			workspace.defaultFromName || workspace.name,
			fromEmail,
			"default_from_email",
		);
		const content = await invitationEmail({
			workspace: workspace.name,
			inviter: inviter?.name || inviter?.email || null,
			role: invitation.role,
			url: invitation.url,
		});
		const provider = await providerOutsideQueue(env, actor.workspaceId);
		await sendOutsideQueue(
			provider,
			[
				{
					messageId: `msg_${invitation.id}`,
					workspaceId: actor.workspaceId,
					campaignId: null,
					to: invitation.email,
					from,
					replyTo: null,
					...content,
					headers: {},
				},
			],
			`invite_${invitation.id}`,
			"the invitation",
		);
		return { status: provider.name === "capture" ? "captured" : "sent" };
	} catch (error) {
		// The invitation exists either way: its link is answered to be shared by hand.
		if (error instanceof ApiError) return { status: "failed", error: error.message };
		console.error(JSON.stringify({ workspaceId: actor.workspaceId, error: `invitation email: ${String(error)}` }));
		return { status: "failed", error: "The invitation email could not be sent; share the link instead" };
	}
}
