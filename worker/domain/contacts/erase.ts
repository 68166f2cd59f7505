/** What erased text, subjects and bodies are replaced with. */
export const ERASED_TEXT = "[erased]";

const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The stand-in address written wherever an erased contact's address was. It is derived from the
 * contact's random id, never from the address, so it cannot be reversed by guessing addresses, and
 * an erasure that is run again writes the same stand-in.
 */
export async function erasedAddress(contactId: string): Promise<string> {
	const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`erased:${contactId}`));
	return `erased+${hex(digest).slice(0, 16)}@erased.invalid`;
}

/** The forms an address takes in stored text: as typed, and URL-encoded (in links), lower-cased. */
export function addressForms(email: string): string[] {
	const lower = email.toLowerCase();
	const encoded = encodeURIComponent(lower).toLowerCase();
	return encoded === lower ? [lower] : [lower, encoded];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Replaces every occurrence of the address (any case, plain or URL-encoded) with the stand-in. */
export function redactAddress(text: string, email: string, placeholder: string): string {
	let out = text;
	for (const form of addressForms(email)) {
		const replacement = form === email.toLowerCase() ? placeholder : encodeURIComponent(placeholder);
		out = out.replace(new RegExp(escapeRegExp(form), "gi"), () => replacement);
	}
	return out;
}
