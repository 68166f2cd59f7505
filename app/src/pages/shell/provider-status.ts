import { createSignal } from "solid-js";
import { getProvider } from "../../lib/api";

export type ProviderStatus = Awaited<ReturnType<typeof getProvider>>;

const [status, setStatus] = createSignal<ProviderStatus>();
let loadedFor: string | undefined;

/** Whether the workspace's email leaves the machine: read once per workspace, refreshed when the Sending page changes it. */
export function providerStatus(workspaceId: string) {
	if (loadedFor !== workspaceId) {
		loadedFor = workspaceId;
		setStatus(undefined);
		void refreshProviderStatus();
	}
	return status();
}

export async function refreshProviderStatus(next?: ProviderStatus) {
	if (next) return void setStatus(next);
	try {
		setStatus(await getProvider());
	} catch {
		// The banner is a hint: without an answer it stays hidden.
	}
}
