import { describe, expect, it } from "vitest";
import { cloneBody, copyName } from "./clone-logic";

describe("a campaign clone's request", () => {
	it("sends only the ticked parts, in order, and a name only when the person changed the default", () => {
		expect(cloneBody("Spring", copyName("Spring"), { schedule: true, audience: true })).toEqual({
			include: ["audience", "schedule"],
		});
		expect(cloneBody("Spring", "  Autumn  ", { content: true })).toEqual({ name: "Autumn", include: ["content"] });
		expect(cloneBody("Spring", "", {})).toEqual({ include: [] });
	});
});
