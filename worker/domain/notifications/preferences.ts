import {
	type Channel,
	NOTIFICATION_KINDS,
	type NotificationKind,
	type NotificationPreferences,
} from "../../contracts/notifications";

/** Emailed unless a member says otherwise: what waits on them or went wrong. */
const EMAILED_BY_DEFAULT = new Set<NotificationKind>([
	"review_requested",
	"review_overdue",
	"task_overdue",
	"campaign_failed",
	// An alert rule is set up to be told: by email too.
	"alert",
]);

export function defaultPreferences(): NotificationPreferences {
	const kinds = Object.fromEntries(
		NOTIFICATION_KINDS.map((k) => [k, EMAILED_BY_DEFAULT.has(k) ? "email" : "in_app"]),
	) as Record<NotificationKind, Channel>;
	return { kinds, daily_digest: false };
}

/** Stored choices over the defaults (kinds added later get their default). */
export function effectivePreferences(
	stored: { kinds?: Partial<NotificationPreferences["kinds"]>; daily_digest?: boolean } | null | undefined,
): NotificationPreferences {
	const base = defaultPreferences();
	return {
		kinds: { ...base.kinds, ...(stored?.kinds ?? {}) },
		daily_digest: stored?.daily_digest ?? base.daily_digest,
	};
}

/** Where one notification goes for a member: the bell, an email now, or the next digest. */
export function deliveryFor(prefs: NotificationPreferences, kind: NotificationKind) {
	const channel = prefs.kinds[kind] ?? "in_app";
	return {
		inApp: channel !== "off",
		emailNow: channel === "email" && !prefs.daily_digest,
		digest: channel === "email" && prefs.daily_digest,
	};
}

/** Whether a member's digest is due (one a day). */
export const digestDue = (lastDigestAt: Date | null, now: Date) =>
	!lastDigestAt || now.getTime() - lastDigestAt.getTime() >= 24 * 3_600_000;
