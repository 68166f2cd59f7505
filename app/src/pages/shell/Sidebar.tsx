import { A } from "@solidjs/router";
import { For } from "solid-js";
import { Icon } from "../../components/Icon";
import { Logo } from "../../components/Logo";
import { MAIN_NAV, type NavItem, SETTINGS_NAV } from "./nav";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

function NavLinks(props: { items: NavItem[]; onNavigate: () => void }) {
	return (
		<ul class="nav-list">
			<For each={props.items}>
				{(item) => (
					<li>
						<A
							href={item.href}
							end={item.href === "/"}
							class="nav-link"
							activeClass="active"
							onClick={props.onNavigate}
						>
							<span class="nav-icon">
								<Icon name={item.icon} />
							</span>
							{item.label}
						</A>
					</li>
				)}
			</For>
		</ul>
	);
}

export function Sidebar(props: { onNavigate: () => void }) {
	return (
		<aside class="sidebar" id="sidebar">
			<div class="sidebar-brand">
				<Logo />
			</div>
			<WorkspaceSwitcher />
			<nav aria-label="Main">
				<NavLinks items={MAIN_NAV} onNavigate={props.onNavigate} />
			</nav>
			<nav aria-labelledby="nav-settings">
				<h2 class="nav-heading" id="nav-settings">
					Settings
				</h2>
				<NavLinks items={SETTINGS_NAV} onNavigate={props.onNavigate} />
			</nav>
		</aside>
	);
}
