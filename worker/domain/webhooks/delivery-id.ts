import { idFloor } from "../ids";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * The delivery id (the `webhook-id` receivers dedupe by) of an event that has a key of its own, at one endpoint:
 * the same key, endpoint and time always give the same id, so an event emitted again (its emitter retried after a
 * crash or a failed enqueue) is one delivery. Shaped like `newId("msg", at)` (sorted by time, then 16 digits taken
 * from a SHA-256 of key and endpoint), so it sits among the endpoint's other deliveries in time order.
 */
export async function keyedDeliveryId(key: string, endpointId: string, at: Date): Promise<string> {
	const digest = new Uint8Array(
		await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${key}\n${endpointId}`)),
	);
	let rand = "";
	for (const b of digest.subarray(0, 16)) rand += ALPHABET[b % 32];
	return `${idFloor("msg", at.getTime())}${rand}`;
}
