import { describe, expect, it } from "vitest";
import { runEach } from "./run-each";

describe("runEach", () => {
	it("runs every job in order even when one throws, and reports the one that failed", async () => {
		const ran: string[] = [];
		const reported: [string, string][] = [];
		const failures = await runEach(
			[
				["first", async () => void ran.push("first")],
				[
					"broken",
					async () => {
						ran.push("broken");
						throw new Error("too many SQL variables");
					},
				],
				["last", async () => void ran.push("last")],
			],
			(name, error) => reported.push([name, String(error)]),
		);
		expect(ran).toEqual(["first", "broken", "last"]);
		expect(failures).toEqual(["broken"]);
		expect(reported).toEqual([["broken", "Error: too many SQL variables"]]);
	});
});
