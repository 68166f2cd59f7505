import { utf8Length } from "./normalize";

/**
 * Splits items into JSON arrays of at most `maxBytes` UTF-8 bytes each, in order, so no value
 * bound to one statement grows with the number of rows. An item larger than `maxBytes` on its
 * own gets an array of its own.
 */
export function jsonBatches(items: readonly unknown[], maxBytes: number): string[] {
	const batches: string[] = [];
	let current: string[] = [];
	let size = 2;
	for (const item of items) {
		const text = JSON.stringify(item);
		const bytes = utf8Length(text) + 1;
		if (current.length > 0 && size + bytes > maxBytes) {
			batches.push(`[${current.join(",")}]`);
			current = [];
			size = 2;
		}
		current.push(text);
		size += bytes;
	}
	if (current.length > 0) batches.push(`[${current.join(",")}]`);
	return batches;
}
