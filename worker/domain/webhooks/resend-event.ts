/**
 * What a Resend webhook event means for Pulse, as a pure function of its payload (shapes from Resend's
 * webhook docs: `data.bounce`, `data.failed.reason`, `data.suppressed.{type,message}`, `data.tags` as an
 * object `{name: value}`).
 */

export type ResendEvent = {
	type: string;
	created_at?: string;
	data?: {
		email_id?: string;
		tags?: Record<string, string> | { name?: string; value?: string }[];
		bounce?: { type?: string; subType?: string; message?: string };
		failed?: { reason?: string };
		suppressed?: { type?: string; message?: string };
	};
};

/** The message statuses a provider event can move a message to. */
export type ProviderStatus = "sent" | "delivered" | "bounced" | "complained" | "failed" | "suppressed";

/** The event-log kind the EVENTS queue records for it (none for a plain "sent"). */
export type ProviderEventKind = "delivered" | "bounce" | "complaint" | "failed" | "suppressed";

export type SuppressReason = "bounced" | "complained";

export type EventOutcome =
	| { kind: "ignored" }
	| { kind: "delayed" }
	| {
			kind: "move";
			target: ProviderStatus;
			error: string | null;
			suppress: SuppressReason | null;
			log: ProviderEventKind | null;
	  };

/** The tag Pulse sets on every email it sends (worker/queue/providers/resend.ts), holding its message id. */
export const MESSAGE_ID_TAG = "message_id";

const MAX_ERROR = 500;
const clip = (text: string) => text.slice(0, MAX_ERROR);

const isHardBounce = (event: ResendEvent) => /permanent|hard/i.test(event.data?.bounce?.type ?? "Permanent");

/**
 * A delivered or sent event moves the message forward; a bounce records its message (and suppresses a
 * hard bounce); a complaint suppresses; `email.failed` fails the message with Resend's reason (e.g.
 * `reached_daily_quota`); `email.suppressed` (the address is on Resend's suppression list, built from
 * earlier hard bounces and complaints) marks the message suppressed and puts the address on the
 * workspace's list, so it is never mailed again.
 */
export function outcomeOf(event: ResendEvent): EventOutcome {
	const data = event.data ?? {};
	switch (event.type) {
		case "email.sent":
			return { kind: "move", target: "sent", error: null, suppress: null, log: null };
		case "email.delivered":
			return { kind: "move", target: "delivered", error: null, suppress: null, log: "delivered" };
		case "email.bounced":
			return {
				kind: "move",
				target: "bounced",
				error: clip(data.bounce?.message ?? "bounced"),
				suppress: isHardBounce(event) ? "bounced" : null,
				log: "bounce",
			};
		case "email.complained":
			return { kind: "move", target: "complained", error: null, suppress: "complained", log: "complaint" };
		case "email.failed":
			return {
				kind: "move",
				target: "failed",
				error: clip(`Resend: ${data.failed?.reason ?? "failed"}`),
				suppress: null,
				log: "failed",
			};
		case "email.suppressed": {
			const why = [data.suppressed?.type, data.suppressed?.message].filter(Boolean).join(": ");
			return {
				kind: "move",
				target: "suppressed",
				error: clip(`Resend suppressed: ${why || "on the account suppression list"}`),
				suppress: "bounced",
				log: "suppressed",
			};
		}
		case "email.delivery_delayed":
			return { kind: "delayed" };
		default:
			return { kind: "ignored" };
	}
}

/** The Pulse message id carried in the event's tags (an object; the array form is read too), if any. */
export function taggedMessageId(event: ResendEvent): string | null {
	const tags = event.data?.tags;
	if (!tags || typeof tags !== "object") return null;
	const value = Array.isArray(tags)
		? tags.find((t) => t?.name === MESSAGE_ID_TAG)?.value
		: (tags as Record<string, unknown>)[MESSAGE_ID_TAG];
	return typeof value === "string" && value.length > 0 ? value : null;
}

/** When the event happened (its `created_at`), or now. */
export const eventTime = (event: ResendEvent, now = Date.now()) =>
	event.created_at ? Date.parse(event.created_at) || now : now;
