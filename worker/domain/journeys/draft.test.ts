import { describe, expect, it } from "vitest";
import { JourneyDefinitionSchema } from "../../contracts/journeys";
import { linearJourney, starterForWords } from "./draft";
import { validateJourneyGraph } from "./graph";

describe("drafting a journey from a person's words", () => {
	it("picks the starter the words describe", () => {
		expect(starterForWords("a three-step welcome series for new signups")).toBe("welcome");
		expect(starterForWords("remind people who abandon their cart after 4 hours")).toBe("abandoned_cart");
		expect(starterForWords("Happy birthday email")).toBe("birthday");
		expect(starterForWords("win back inactive subscribers")).toBe("reengagement");
		expect(starterForWords("day 1, day 3 and day 7 onboarding")).toBe("onboarding");
		expect(starterForWords("something for new people")).toBe("welcome");
	});

	it("makes listed emails and waits one line of steps that ends in an exit, ready to activate", () => {
		const definition = linearJourney("signed_up", [
			{ type: "email", template_id: "tpl_1" },
			{ type: "wait", duration: "P2D" },
			{ type: "email", template_id: "tpl_2" },
		]);
		expect(definition.start).toBe("email_1");
		expect(definition.nodes.email_1).toEqual({ type: "send_email", template_id: "tpl_1", next: "wait_2" });
		expect(definition.nodes.email_3).toEqual({ type: "send_email", template_id: "tpl_2", next: "end" });
		expect(validateJourneyGraph(JourneyDefinitionSchema.parse(definition), { local: false })).toEqual([]);
	});
});
