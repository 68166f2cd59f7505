import { formatDuration } from "./duration";
import type { Node, NodeType } from "./graph";

/** The step types the "+" menu offers, in the order a marketer reaches for them. */
export const STEP_TYPES: { type: NodeType; label: string; hint: string }[] = [
	{ type: "send_email", label: "Send email", hint: "Send one of your templates" },
	{ type: "delay", label: "Delay", hint: "Wait a while, or until a time of day" },
	{ type: "wait_event", label: "Wait for event", hint: "Wait until they do something, with a timeout" },
	{ type: "branch", label: "Branch", hint: "Go one way or another by rules or engagement" },
	{ type: "split", label: "Split", hint: "Random arms to compare, like an A/B test" },
	{ type: "webhook", label: "Webhook", hint: "POST the contact to a URL" },
	{ type: "update_contact", label: "Update contact", hint: "Set attributes, add or remove tags" },
	{ type: "exit", label: "Exit", hint: "End the journey here" },
];

export const stepLabel = (type: NodeType) => STEP_TYPES.find((s) => s.type === type)?.label ?? type;

const list = (values: readonly string[] | undefined) => (values ?? []).join(", ");

/** One line saying what a step does ("Wait 4 hours", "Send “Welcome”"). */
export function summarize(node: Node, templateName: (id: string) => string | undefined): string {
	switch (node.type) {
		case "send_email":
			return node.template_id
				? `Send “${templateName(node.template_id) ?? node.template_id}”`
				: "No template chosen yet";
		case "delay":
			if (node.duration) return `Wait ${formatDuration(node.duration)}`;
			if (node.until_local)
				return `Wait until ${node.until_local}${node.weekdays?.length ? ` on ${list(node.weekdays)}` : ""} (their time)`;
			if (node.until_attribute)
				return `Wait until ${node.until_attribute}${node.offset_days ? ` ${node.offset_days > 0 ? "+" : ""}${node.offset_days} days` : ""}`;
			return "Wait";
		case "wait_event":
			return `Wait up to ${formatDuration(node.timeout)} for ${node.event || "an event"}${node.match_entry_property ? ` with the same ${node.match_entry_property}` : ""}`;
		case "branch":
			return `${node.paths.length + 1} paths`;
		case "split":
			return `${node.arms.length} random arms`;
		case "webhook":
			return `POST to ${node.url}`;
		case "update_contact": {
			const parts = [
				node.add_tags?.length ? `add ${list(node.add_tags)}` : "",
				node.remove_tags?.length ? `remove ${list(node.remove_tags)}` : "",
				node.set_attributes && Object.keys(node.set_attributes).length
					? `set ${Object.keys(node.set_attributes).join(", ")}`
					: "",
			].filter(Boolean);
			return parts.length ? parts.join("; ") : "Nothing to change yet";
		}
		case "exit":
			return "They leave the journey";
	}
}
