import type { ClonePart } from "../../lib/api";

export const CLONE_PARTS: { part: ClonePart; label: string; hint: string }[] = [
	{ part: "audience", label: "Audience", hint: "The segment and topic (without it: all subscribed contacts)" },
	{ part: "content", label: "Content", hint: "A copy of the email (without it: choose a template later)" },
	{
		part: "schedule",
		label: "Schedule",
		hint: "The send date, if still in the future (kept on the draft, not scheduled)",
	},
];

/** The name a copy gets unless the person types another. */
export const copyName = (name: string) => `Copy of ${name}`;

/** The parts ticked, in the API's order. */
export function includedParts(ticked: Partial<Record<ClonePart, boolean>>): ClonePart[] {
	return CLONE_PARTS.map((p) => p.part).filter((part) => ticked[part]);
}

/** The body of a clone call: the name only when it differs from the default copy name. */
export function cloneBody(source: string, typed: string, ticked: Partial<Record<ClonePart, boolean>>) {
	const name = typed.trim();
	return { ...(name && name !== copyName(source) ? { name } : {}), include: includedParts(ticked) };
}
