export type Mentionable = { id: string; email: string; name: string | null };

const MENTION = /(^|[^\w.@])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\p{L}\p{N}_.-]+)/gu;

/**
 * The members a comment mentions, by `@email` or `@name` (a name's spaces may be written as dots or left
 * out: "@Ada.Lovelace", "@AdaLovelace", or the first name alone when only one member has it), each once.
 */
export function mentionedMembers(body: string, members: Mentionable[]): string[] {
	const found = new Set<string>();
	for (const match of body.matchAll(MENTION)) {
		const token = (match[2] ?? "").replace(/[.]+$/, "").toLowerCase();
		if (!token) continue;
		const byEmail = members.find((m) => m.email.toLowerCase() === token);
		if (byEmail) {
			found.add(byEmail.id);
			continue;
		}
		const compact = token.replace(/[._-]/g, "");
		const byName = members.filter((m) => (m.name ?? "").toLowerCase().replace(/[\s._-]/g, "") === compact);
		const byFirst = members.filter((m) => (m.name ?? "").toLowerCase().split(/\s+/)[0] === token);
		const chosen = byName.length === 1 ? byName : byFirst.length === 1 ? byFirst : [];
		for (const m of chosen) found.add(m.id);
	}
	return [...found];
}
