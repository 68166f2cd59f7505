import type { IconName } from "../../components/Icon";

export type NavItem = { href: string; label: string; icon: IconName };

export const MAIN_NAV: NavItem[] = [
	{ href: "/", label: "Overview", icon: "overview" },
	{ href: "/search", label: "Search", icon: "segments" },
	{ href: "/contacts", label: "Contacts", icon: "contacts" },
	{ href: "/segments", label: "Segments", icon: "segments" },
	{ href: "/lists", label: "Lists", icon: "contacts" },
	{ href: "/templates", label: "Templates", icon: "templates" },
	{ href: "/campaigns", label: "Campaigns", icon: "campaigns" },
	{ href: "/calendar", label: "Calendar", icon: "calendar" },
	{ href: "/journeys", label: "Journeys", icon: "journeys" },
	{ href: "/outbox", label: "Outbox", icon: "outbox" },
	{ href: "/assistant", label: "Assistant", icon: "assistant" },
];

export const SETTINGS_NAV: NavItem[] = [
	{ href: "/settings/workspace", label: "Workspace", icon: "workspace" },
	{ href: "/settings/api-keys", label: "API keys", icon: "key" },
	{ href: "/settings/members", label: "Members", icon: "members" },
	{ href: "/settings/sending-domains", label: "Sending", icon: "outbox" },
	{ href: "/settings/topics", label: "Topics", icon: "segments" },
	{ href: "/settings/approvals", label: "Approvals", icon: "members" },
	{ href: "/settings/webhooks", label: "Webhooks", icon: "outbox" },
	{ href: "/settings/conversions", label: "Conversion goal", icon: "campaigns" },
	{ href: "/audit", label: "Audit log", icon: "key" },
	{ href: "/settings/health", label: "Health", icon: "overview" },
];
