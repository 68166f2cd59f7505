// What the fake model says next: scripted turns, with `$result.<tool>.<path>` placeholders
// filled from the tool results already in the conversation (so a script can use real ids).

/**
 * @typedef {{ role: string; content?: unknown; tool_call_id?: string;
 *   tool_calls?: { id: string; function: { name: string; arguments: string } }[] }} ChatMessage
 * @typedef {{ text: string } | { tool_calls: { name: string; arguments: Record<string, unknown> }[] }} Turn
 */

/** The newest result of each tool, parsed from JSON when it is JSON (errors stay text). @param {ChatMessage[]} messages */
export function toolResultsByName(messages) {
	/** @type {Map<string, string>} */
	const names = new Map();
	/** @type {Record<string, unknown>} */
	const results = {};
	for (const message of messages) {
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
		if (message.role === "tool" && message.tool_call_id) {
			const name = names.get(message.tool_call_id) ?? "unknown";
			const text = typeof message.content === "string" ? message.content : JSON.stringify(message.content);
			try {
				results[name] = JSON.parse(text);
			} catch {
				results[name] = text;
			}
		}
	}
	return results;
}

/** @param {unknown} root @param {string} path */
function lookup(root, path) {
	return path.split(".").reduce((value, key) => (value == null ? undefined : /** @type {any} */ (value)[key]), root);
}

const PLACEHOLDER = /\$result\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_-]+)*)/g;

/** Replaces placeholders in every string of a value; a string that is only a placeholder takes the raw value. */
export function fill(value, results) {
	if (typeof value === "string") {
		const whole = /^\$result\.([A-Za-z0-9_.-]+)$/.exec(value);
		if (whole) return lookup(results, whole[1] ?? "");
		return value.replace(PLACEHOLDER, (_, path) => String(lookup(results, path) ?? ""));
	}
	if (Array.isArray(value)) return value.map((v) => fill(v, results));
	if (value && typeof value === "object")
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, results)]));
	return value;
}

/** @param {ChatMessage[]} messages */
export function lastUserText(messages) {
	const user = [...messages].reverse().find((m) => m.role === "user");
	if (!user) return "";
	if (typeof user.content === "string") return user.content;
	return (Array.isArray(user.content) ? user.content : [])
		.map((p) => (p && typeof p === "object" && "text" in p ? String(p.text) : ""))
		.join(" ");
}
