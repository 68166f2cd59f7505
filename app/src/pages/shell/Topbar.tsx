import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Button } from "../../components/Button";
import { RoleBadge } from "../../components/RoleBadge";
import { GlobalSearch } from "../../components/search/GlobalSearch";
import { toast } from "../../components/Toasts";
import { logout as endSession, messageOf } from "../../lib/api";
import { useMe } from "../../lib/session";
import { Bell } from "./Bell";

export function Topbar(props: { navOpen: boolean; onToggleNav: () => void }) {
	const me = useMe();
	const navigate = useNavigate();
	const [leaving, setLeaving] = createSignal(false);

	const logout = async () => {
		setLeaving(true);
		try {
			await endSession();
			navigate("/login", { replace: true });
		} catch (error) {
			toast.error(messageOf(error));
			setLeaving(false);
		}
	};

	return (
		<header class="topbar">
			<button
				type="button"
				class="btn btn-ghost btn-md nav-toggle"
				aria-controls="sidebar"
				aria-expanded={props.navOpen}
				aria-label={props.navOpen ? "Close navigation" : "Open navigation"}
				onClick={() => props.onToggleNav()}
			>
				☰
			</button>
			<div class="topbar-workspace" data-testid="topbar-workspace">
				{me().workspace.name}
			</div>
			<GlobalSearch />
			<div class="topbar-user">
				<Show when={me().user}>
					<Bell />
				</Show>
				<div class="user-chip">
					<span class="avatar" aria-hidden="true">
						{(me().user?.name ?? "?").slice(0, 1).toUpperCase()}
					</span>
					<span class="user-text">
						<span class="user-name">{me().user?.name ?? "API key"}</span>
						<span class="user-email muted">{me().user?.email}</span>
					</span>
					<RoleBadge role={me().role} />
				</div>
				<Button variant="ghost" size="sm" onClick={logout} loading={leaving()}>
					Log out
				</Button>
			</div>
		</header>
	);
}
