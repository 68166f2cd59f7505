import { providerAccount, providerRequestLimit } from "../config";
import { sendingKeyOf } from "../services/provider-key";
import type { SlotDeps } from "./provider-slot";
import { providerWith } from "./providers/select";

/**
 * The one place a workspace's provider is chosen: its own Resend key when an owner connected one, else the
 * operator's RESEND_API_KEY, else the capture outbox; with the limit and the rate gate of that key's account.
 */
export async function workspaceSlotDeps(env: Env, workspaceId: string): Promise<SlotDeps> {
	const { apiKey } = await sendingKeyOf(env, workspaceId);
	return {
		env,
		provider: providerWith(env, apiKey),
		requestsPerSecond: providerRequestLimit(env, apiKey),
		account: await providerAccount(env, apiKey),
	};
}
