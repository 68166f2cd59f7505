import { CONTACT_LIMITS, type ContactInput, type EventInput } from "../../contracts/contacts";
import { jsonBytes, MAX_EVENT_PROPERTIES_BYTES } from "../../contracts/limits";
import { normalizeEmail } from "../contacts/email";

type Json = Record<string, unknown>;
export type Mapped<T> = { ok: true; value: T } | { ok: false; message: string };

const NAME_TRAITS = new Set(["email", "firstName", "first_name", "lastName", "last_name", "name"]);
const ATTRIBUTE_KEY = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

const asObject = (value: unknown): Json =>
	value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const asText = (value: unknown): string | undefined =>
	typeof value === "string" && value.trim() ? value.trim() : typeof value === "number" ? String(value) : undefined;

/** The address a message names: an email `userId`, else `traits.email` (identify) or `context.traits.email`. */
export function emailOf(message: Json, traits: Json = {}): string | null {
	for (const candidate of [
		message.userId,
		traits.email,
		asObject(message.context).traits && asObject(asObject(message.context).traits).email,
	]) {
		const text = asText(candidate);
		const email = text ? normalizeEmail(text) : null;
		if (email?.ok) return email.email;
	}
	return null;
}

/** Scalar traits become attributes (one level of nesting flattened as `address_city`); anything else is left out. */
function attributesOf(traits: Json): Json {
	const out: Json = {};
	const put = (key: string, value: unknown) => {
		if (!ATTRIBUTE_KEY.test(key) || Object.keys(out).length >= CONTACT_LIMITS.attributes - 1) return;
		if (typeof value === "string") out[key] = value.slice(0, CONTACT_LIMITS.attributeValue);
		else if (typeof value === "number" || typeof value === "boolean") out[key] = value;
	};
	for (const [key, value] of Object.entries(traits)) {
		if (NAME_TRAITS.has(key)) continue;
		if (value && typeof value === "object" && !Array.isArray(value))
			for (const [inner, v] of Object.entries(value)) put(`${key}_${inner}`, v);
		else put(key, value);
	}
	return out;
}

/** First and last name from `firstName`/`first_name`, `lastName`/`last_name`, or a full `name`. */
function namesOf(traits: Json) {
	const first = asText(traits.firstName ?? traits.first_name);
	const last = asText(traits.lastName ?? traits.last_name);
	if (first || last)
		return { first_name: first?.slice(0, CONTACT_LIMITS.name), last_name: last?.slice(0, CONTACT_LIMITS.name) };
	const [given, ...rest] = (asText(traits.name) ?? "").split(/\s+/).filter(Boolean);
	return given
		? {
				first_name: given.slice(0, CONTACT_LIMITS.name),
				last_name: rest.join(" ").slice(0, CONTACT_LIMITS.name) || undefined,
			}
		: {};
}

/** An `identify` as the contact it creates or updates. A non-email `userId` is kept as the `user_id` attribute, so later tracks by that id find the contact. */
export function contactFromIdentify(message: Json): Mapped<ContactInput> {
	const traits = asObject(message.traits);
	const email = emailOf(message, traits);
	if (!email) return { ok: false, message: "identify needs traits.email or an email address as userId" };
	const attributes = attributesOf(traits);
	const userId = asText(message.userId);
	if (userId && userId.toLowerCase() !== email) attributes.user_id = userId.slice(0, CONTACT_LIMITS.attributeValue);
	const context = asObject(message.context);
	const optedOut = traits.unsubscribed === true || traits.subscribed === false;
	return {
		ok: true,
		value: {
			email,
			...namesOf(traits),
			attributes: attributes as ContactInput["attributes"],
			...(asText(context.timezone) ? { timezone: asText(context.timezone)?.slice(0, CONTACT_LIMITS.timezone) } : {}),
			...(asText(context.locale) ? { locale: asText(context.locale)?.slice(0, CONTACT_LIMITS.locale) } : {}),
			...(optedOut ? { status: "unsubscribed" as const } : {}),
		},
	};
}

/** When a message happened: `timestamp`, else `originalTimestamp`; absent means now. */
export function occurredAt(message: Json): Mapped<string | undefined> {
	const raw = asText(message.timestamp) ?? asText(message.originalTimestamp);
	if (!raw) return { ok: true, value: undefined };
	const at = Date.parse(raw);
	return Number.isNaN(at)
		? { ok: false, message: `timestamp ${raw} is not an ISO-8601 time` }
		: { ok: true, value: new Date(at).toISOString() };
}

/** Who a `track` is about: an email, or the `userId` an earlier identify stored. */
export type TrackTarget = { email: string } | { userId: string };

/** A `track` as the event it records (to the contact found by `target`); `messageId` makes a repeat harmless. */
export function eventFromTrack(
	message: Json,
): Mapped<{ target: TrackTarget; event: Omit<EventInput, "email" | "contact_id"> }> {
	const name = asText(message.event);
	if (!name) return { ok: false, message: "track needs an event name" };
	if (name.length > 100) return { ok: false, message: "The event name is longer than 100 characters" };
	const properties = asObject(message.properties);
	if (jsonBytes(properties) > MAX_EVENT_PROPERTIES_BYTES)
		return { ok: false, message: "The properties are larger than 32 KB" };
	const at = occurredAt(message);
	if (!at.ok) return at;
	const email = emailOf(message);
	const userId = asText(message.userId);
	if (!email && !userId)
		return { ok: false, message: "track needs a userId (or context.traits.email): anonymous events are not stored" };
	const messageId = asText(message.messageId)?.slice(0, 200);
	return {
		ok: true,
		value: {
			target: email ? { email } : { userId: userId as string },
			event: {
				name,
				properties,
				...(at.value ? { occurred_at: at.value } : {}),
				...(messageId ? { idempotency_key: messageId } : {}),
			},
		},
	};
}
