import type { ChecklistKey } from "../../contracts/overview";

const DAY_MS = 86_400_000;

/** The UTC day of a time, `YYYY-MM-DD`. */
export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first millisecond of the window of `days` UTC days that ends today. */
export const windowStart = (now: number, days: number) => Math.floor(now / DAY_MS) * DAY_MS - (days - 1) * DAY_MS;

/** Every day of the window, oldest first, with the count found for it (0 for days without contacts). */
export function dailyGrowth(rows: { day: string; added: number }[], now: number, days: number) {
	const found = new Map(rows.map((r) => [r.day, r.added]));
	const start = windowStart(now, days);
	return Array.from({ length: days }, (_, i) => {
		const day = utcDay(start + i * DAY_MS);
		return { day, added: found.get(day) ?? 0 };
	});
}

/** A share of `total`, or null when there is nothing to divide by. */
export const rate = (part: number, total: number) => (total > 0 ? Math.min(1, part / total) : null);

/** What the checklist is made of: facts about the workspace, each cheap to find. */
export type SetupFacts = {
	postalAddress: boolean;
	sender: boolean;
	contacts: boolean;
	template: boolean;
	campaignSent: boolean;
	team: boolean;
	app: boolean;
	/** Null when sending domains do not apply (the capture outbox delivers nothing). */
	domain: boolean | null;
};

const STEPS: { key: ChecklistKey; label: string; href: string; done: (f: SetupFacts) => boolean | null }[] = [
	{
		key: "postal_address",
		label: "Add your postal address",
		href: "/settings/workspace",
		done: (f) => f.postalAddress,
	},
	{ key: "sender", label: "Set a default sender", href: "/settings/workspace", done: (f) => f.sender },
	{ key: "domain", label: "Connect a sending domain", href: "/settings/sending-domains", done: (f) => f.domain },
	{ key: "contacts", label: "Import or add contacts", href: "/contacts/import", done: (f) => f.contacts },
	{ key: "template", label: "Write a template", href: "/templates/new", done: (f) => f.template },
	{ key: "campaign_sent", label: "Send your first campaign", href: "/campaigns/new", done: (f) => f.campaignSent },
	{ key: "team", label: "Invite your team", href: "/settings/members", done: (f) => f.team },
	{ key: "app", label: "Connect your app", href: "/settings/api-keys", done: (f) => f.app },
];

/** The getting-started checklist, in the order a workspace is usually set up; steps that do not apply are left out. */
export function setupChecklist(facts: SetupFacts) {
	return STEPS.flatMap((step) => {
		const done = step.done(facts);
		return done === null ? [] : [{ key: step.key, label: step.label, href: step.href, done }];
	});
}
