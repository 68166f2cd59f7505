import { describe, expect, it } from "vitest";
import {
	actionWords,
	actorLabel,
	auditFilterOf,
	memberName,
	metadataText,
	objectHref,
	objectLabel,
} from "./audit-filters";

describe("the audit page's filters", () => {
	it("turns the URL's days into a half-open UTC range and drops blanks", () => {
		expect(auditFilterOf({ action: " campaign. ", from: "2026-12-01", to: "2026-12-02", actor: "" })).toEqual({
			actor_id: undefined,
			action: "campaign.",
			target_type: undefined,
			target_id: undefined,
			since: "2026-12-01T00:00:00.000Z",
			until: "2026-12-03T00:00:00.000Z",
		});
		expect(auditFilterOf({ from: "yesterday" }).since).toBeUndefined();
	});

	it("names the actor, links the object's page and shortens the details", () => {
		const names = (id: string) => (id === "usr_1" ? "Ada" : undefined);
		expect(actorLabel({ actor_type: "user", actor_id: "usr_1" }, names)).toBe("Ada");
		expect(actorLabel({ actor_type: "user", actor_id: "usr_gone" }, names)).toBe("usr_gone");
		expect(actorLabel({ actor_type: "api_key", actor_id: "key_9" }, names)).toBe("API key key_9");
		expect(actorLabel({ actor_type: "anonymous", actor_id: null }, names)).toBe("Pulse");
		expect(objectHref({ target_type: "campaign", target_id: "cmp_1" })).toBe("/campaigns/cmp_1");
		expect(objectHref({ target_type: "api_key", target_id: "key_1" })).toBeUndefined();
		expect(objectLabel({ target_type: "campaign", target_id: "cmp_1", target_name: "Spring sale" })).toBe(
			"campaign “Spring sale”",
		);
		expect(objectLabel({ target_type: "api_key", target_id: "key_1", target_name: null })).toBe("api key key_1");
		const members = [
			{ user_id: "usr_1", name: null, email: "ada@example.com" },
			{ user_id: null, name: null, email: "invited@example.com" },
		];
		expect(memberName(members, "usr_1")).toBe("ada@example.com");
		expect(memberName(members, "usr_2")).toBeUndefined();
		expect(actionWords("bulk.refused")).toBe("bulk refused");
		// Commands read as what was done, like the rest of the log.
		expect(actionWords("campaign.send")).toBe("campaign sent");
		expect(actionWords("journey.activate")).toBe("journey activated");
		expect(actionWords("approval_policy.update")).toBe("approval policy updated");
		expect(actionWords("campaign.task_done")).toBe("campaign task done");
		expect(actionWords("workspace.audit_retention")).toBe("workspace audit retention");
		expect(metadataText({ tags: ["a"], name: "Spring" })).toBe('tags: ["a"], name: Spring');
	});
});
