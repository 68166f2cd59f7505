import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { toast } from "../../components/Toasts";
import { messageOf, switchWorkspace } from "../../lib/api";
import { useMe, useSession } from "../../lib/session";

/** The current workspace; a switcher when the user belongs to more than one. */
export function WorkspaceSwitcher() {
	const me = useMe();
	const { refetch } = useSession();
	const navigate = useNavigate();
	const [busy, setBusy] = createSignal(false);

	const switchTo = async (workspaceId: string) => {
		if (workspaceId === me().workspace.id) return;
		setBusy(true);
		try {
			await switchWorkspace(workspaceId);
			navigate("/");
			refetch();
		} catch (error) {
			toast.error(messageOf(error));
		} finally {
			setBusy(false);
		}
	};

	return (
		<div class="workspace-box">
			<Show
				when={me().workspaces.length > 1}
				fallback={
					<div class="workspace-name" data-testid="workspace-name">
						{me().workspace.name}
					</div>
				}
			>
				<label class="sr-only" for="workspace-switcher">
					Workspace
				</label>
				<select
					id="workspace-switcher"
					class="input select workspace-select"
					disabled={busy()}
					data-testid="workspace-name"
					onChange={(e) => switchTo(e.currentTarget.value)}
				>
					{me().workspaces.map((w) => (
						<option value={w.id} selected={w.id === me().workspace.id}>
							{w.name}
						</option>
					))}
				</select>
			</Show>
		</div>
	);
}
