import type { PauseReason } from "../../contracts/campaigns";

/** A provider's daily or monthly sending quota is used up until `resetsAt` (ms since the epoch). */
export type ProviderQuota = { kind: "daily" | "monthly"; resetsAt: number };

/** When a quota opens again without being told: the next 00:00 UTC (daily) or the first of next month (monthly). */
export function quotaResetsAt(kind: ProviderQuota["kind"], now: number): number {
	const d = new Date(now);
	return kind === "daily"
		? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1)
		: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/**
 * The quota a provider refusal names, if any: `daily_quota_exceeded` / `monthly_quota_exceeded`. It resets when the
 * provider's `retry-after` says, else at the quota's calendar reset.
 */
export function quotaOf(errorName: string, retryAfterMs: number | null, now: number): ProviderQuota | null {
	const kind =
		errorName === "daily_quota_exceeded" ? "daily" : errorName === "monthly_quota_exceeded" ? "monthly" : null;
	if (kind === null) return null;
	return { kind, resetsAt: retryAfterMs !== null && retryAfterMs > 0 ? now + retryAfterMs : quotaResetsAt(kind, now) };
}

/** The `quota` field of a provider's failure: present only when the refusal names a used-up quota. */
export function quotaField(errorName: string, retryAfterMs: number | null, now: number): { quota?: ProviderQuota } {
	const quota = quotaOf(errorName, retryAfterMs, now);
	return quota ? { quota } : {};
}

/** Why the campaign stopped, as the API and the dashboard show it. */
export function quotaPauseReason(quota: ProviderQuota): PauseReason {
	const resumes = new Date(quota.resetsAt).toISOString();
	const when = `${resumes.slice(0, 10)} ${resumes.slice(11, 16)} UTC`;
	return {
		code: "provider_quota",
		quota: quota.kind,
		message: `Resend ${quota.kind} quota reached; resumes after ${when}`,
		resumes_at: resumes,
	};
}

/**
 * What a campaign does when a chunk meets a closed quota: a sending campaign pauses until the reset; one already
 * paused for a quota keeps the later of the two resets; one a person paused (or any other state) is left alone.
 */
export function quotaPause(
	status: string,
	current: PauseReason | null,
	quota: ProviderQuota,
): { pause: PauseReason } | { extend: PauseReason } | null {
	if (status === "sending") return { pause: quotaPauseReason(quota) };
	if (status !== "paused" || current?.code !== "provider_quota") return null;
	if (Date.parse(current.resumes_at) >= quota.resetsAt) return null;
	return { extend: quotaPauseReason(quota) };
}

/** Whether a quota pause is over: the object resumes the campaign by itself. */
export const quotaReopened = (reason: PauseReason | null, now: number) =>
	reason?.code === "provider_quota" && Date.parse(reason.resumes_at) <= now;
