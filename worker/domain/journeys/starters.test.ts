import { describe, expect, it } from "vitest";
import { JourneyDefinitionSchema } from "../../contracts/journeys";
import { SegmentDefinitionSchema } from "../../contracts/segments";
import { validateJourneyGraph } from "./graph";
import { buildStarter, STARTERS, withSegment } from "./starters";

const ready = (key: (typeof STARTERS)[number]["key"]) => {
	const draft = buildStarter(key, "tpl_1");
	return draft.segment ? withSegment(draft, "seg_1") : draft.definition;
};

describe("journey starters", () => {
	it.each(STARTERS.map((s) => s.key))(
		"%s is a journey the API accepts and can activate once a template is picked",
		(key) => {
			const definition = JourneyDefinitionSchema.parse(ready(key));
			expect(validateJourneyGraph(definition, { local: false })).toEqual([]);
		},
	);

	it("puts the picked template in every email step", () => {
		const nodes = Object.values(buildStarter("welcome", "tpl_9").definition.nodes);
		const emails = nodes.filter((n) => n.type === "send_email");
		expect(emails).toHaveLength(3);
		for (const node of emails) expect(node).toMatchObject({ template_id: "tpl_9" });
	});

	it("abandoned cart waits 4 hours for a purchase of the same cart, then sends the reminder", () => {
		const def = buildStarter("abandoned_cart", "tpl_1").definition;
		expect(def.entry).toMatchObject({ type: "event", event: "cart_abandoned" });
		const wait = def.nodes[def.start];
		expect(wait).toMatchObject({
			type: "wait_event",
			event: "purchase",
			match_entry_property: "cart_id",
			timeout: "PT4H",
		});
		const reminder = wait?.type === "wait_event" ? def.nodes[wait.on_timeout] : undefined;
		expect(reminder).toMatchObject({ type: "send_email", template_id: "tpl_1" });
	});

	it("onboarding mails on days 1, 3 and 7", () => {
		const def = buildStarter("onboarding", "t").definition;
		const delays = Object.values(def.nodes).flatMap((n) => (n.type === "delay" ? [n.duration] : []));
		expect(delays).toEqual(["P1D", "P2D", "P4D"]);
	});

	it("re-engagement enters the existing members of a segment of people with no opens in 90 days", () => {
		const draft = buildStarter("reengagement", "t");
		expect(SegmentDefinitionSchema.parse(draft.segment?.definition)).toEqual({
			not: { engagement: "opened", within_days: 90 },
		});
		expect(withSegment(draft, "seg_7").entry).toEqual({ type: "segment", segment_id: "seg_7", include_existing: true });
	});

	it("birthday enters on the birthday attribute at 09:00 local time", () => {
		expect(buildStarter("birthday", "t").definition.entry).toEqual({
			type: "date",
			attribute: "birthday",
			at_local: "09:00",
		});
	});
});
