import { sha256Hex } from "../encoding";

/** What an approval approves: the content, the audience and the sender of a campaign (or a journey's graph). */
export type VersionInput = {
	content: { subject: string; preheader?: string | null; html: string; text?: string | null } | null;
	from: { email: string; name: string; reply_to?: string | null } | null;
	segment: { id: string | null; definition: unknown } | null;
	variants?: unknown;
	/** A journey's definition (its steps carry content and audience). */
	definition?: unknown;
};

/** JSON with object keys sorted at every level, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
	if (value === undefined) return "null";
	if (value === null || typeof value !== "object") return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** A stable hash of a version: any edit of content, audience or sender changes it; key order never does. */
export async function versionHash(input: VersionInput): Promise<string> {
	const normalised = {
		content: input.content
			? {
					subject: input.content.subject,
					preheader: input.content.preheader ?? null,
					html: input.content.html,
					text: input.content.text ?? null,
				}
			: null,
		from: input.from ? { email: input.from.email, name: input.from.name, reply_to: input.from.reply_to ?? null } : null,
		segment: input.segment,
		variants: input.variants ?? null,
		definition: input.definition ?? null,
	};
	return `v1:${(await sha256Hex(canonicalJson(normalised))).slice(0, 32)}`;
}
