import type { ContactStatus } from "../../contracts/contacts";

export type StatusDecision = { ok: true; status: ContactStatus; changed: boolean } | { ok: false; reason: string };

/**
 * Whether a requested status may replace the current one. Consent is the rule: nobody is
 * (re)subscribed to marketing without it, and bounced or complained addresses stay out.
 * A request without a status never changes it.
 */
export function decideStatus(
	current: ContactStatus | null,
	requested: ContactStatus | undefined,
	hasFreshConsent: boolean,
): StatusDecision {
	if (current === null) return { ok: true, status: requested ?? "subscribed", changed: true };
	if (requested === undefined || requested === current) return { ok: true, status: current, changed: false };
	if (requested !== "subscribed") return { ok: true, status: requested, changed: true };
	if (current === "bounced" || current === "complained") {
		return { ok: false, reason: `This address ${current}; it cannot be subscribed again` };
	}
	if (!hasFreshConsent) {
		return {
			ok: false,
			reason: "This contact unsubscribed; resubscribing needs a new consent record (consent.source)",
		};
	}
	return { ok: true, status: "subscribed", changed: true };
}

export const isSuppressedStatus = (status: ContactStatus) => status !== "subscribed";
