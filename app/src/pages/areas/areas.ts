import type { IconName } from "../../components/Icon";

export type Area = { title: string; description: string; icon: IconName; coming: string[] };

/** The parts of Pulse still to be built, and what each will hold. */
export const AREAS = {
	assistant: {
		title: "Assistant",
		icon: "assistant",
		description: "Ask in plain words: draft a template, build a segment or check how a campaign did.",
		coming: ["Chat with tools over your workspace", "Answers that link to what they changed"],
	},
} satisfies Record<string, Area>;
