/*
 * The API names what is wrong by path: `nodes.<id>.<field>` for a step (graph checks, 422), `definition.nodes…`
 * when the shape itself is refused (400), `entry.segment_id`, `exit.0.event`, `reentry.cooldown`. The builder
 * shows each on the card or the panel it belongs to.
 */

export type Pinned = { key: string; field: string; message: string };

const NODE = /^(?:definition\.)?nodes\.([^.]+)(?:\.(.*))?$/;
const PART = /^(?:definition\.)?(entry|reentry|exit|start|settings)(?:\.(.*))?$/;

/** What an empty required field means, in the builder's words (the shape check's message is about string lengths). */
const REQUIRED: Record<string, string> = {
	template_id: "Choose a template for this email",
	event: "Name the event",
	segment_id: "Choose a segment",
	url: "Give the URL to call",
	attribute: "Name the date attribute",
	until_attribute: "Name the date attribute",
};
const EMPTY =
	/^(Too small: expected string to have >=1 characters?|Required|Invalid input: expected string, received undefined)$/;

function friendly(field: string, message: string): string {
	const last = field.split(".").at(-1) ?? "";
	return EMPTY.test(message) ? (REQUIRED[last] ?? "Required") : message;
}

/** Each issue with the step id (or "entry", "reentry", "exit", "start", "journey") it belongs to. */
export function pinJourneyIssues(issues: readonly { path: string; message: string }[]): Pinned[] {
	return issues.map(({ path, message }) => {
		const node = NODE.exec(path);
		if (node) return { key: node[1] as string, field: node[2] ?? "", message: friendly(node[2] ?? "", message) };
		const part = PART.exec(path);
		if (part) return { key: part[1] as string, field: part[2] ?? "", message: friendly(part[2] ?? "", message) };
		return { key: "journey", field: path, message };
	});
}
