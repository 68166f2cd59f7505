/*
 * The API names what is wrong by path: `nodes.<id>.<field>` for a step (graph checks, 422), `definition.nodes…`
 * when the shape itself is refused (400), `entry.segment_id`, `exit.0.event`, `reentry.cooldown`. The builder
 * shows each on the card or the panel it belongs to.
 */

export type Pinned = { key: string; field: string; message: string };

const NODE = /^(?:definition\.)?nodes\.([^.]+)(?:\.(.*))?$/;
const PART = /^(?:definition\.)?(entry|reentry|exit|start|settings)(?:\.(.*))?$/;

/** Each issue with the step id (or "entry", "reentry", "exit", "start", "journey") it belongs to. */
export function pinJourneyIssues(issues: readonly { path: string; message: string }[]): Pinned[] {
	return issues.map(({ path, message }) => {
		const node = NODE.exec(path);
		if (node) return { key: node[1] as string, field: node[2] ?? "", message };
		const part = PART.exec(path);
		if (part) return { key: part[1] as string, field: part[2] ?? "", message };
		return { key: "journey", field: path, message };
	});
}
