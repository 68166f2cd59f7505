import { describe, expect, it } from "vitest";
import type { Campaign, Workspace } from "../../../lib/types";
import { bodyOf, initialDraft } from "./draft";

const workspace = { default_from_name: "Acme", default_from_email: "news@acme.example" } as Workspace;

describe("campaign form draft", () => {
	it("sends the chosen topic, and none as null so an edit can clear it", () => {
		const fresh = initialDraft(undefined, {}, workspace);
		expect(fresh.topic_id).toBe("");
		expect(bodyOf(fresh).topic_id).toBeNull();
		const existing = { audience: { segment_id: null }, topic_id: "top_1", settings: {} } as unknown as Campaign;
		const edited = initialDraft(existing, {}, workspace);
		expect(edited.topic_id).toBe("top_1");
		expect(bodyOf(edited).topic_id).toBe("top_1");
	});
});
