import { describe, expect, it } from "vitest";
import { call, signupOwner } from "./client";

describe("workspace sending rules", () => {
	it("keeps a time zone, frequency cap and quiet hours, shows them in /me, and clears them with null", async () => {
		const { cookie } = await signupOwner("Rules Co");
		const me = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.json.workspace).toMatchObject({ timezone: "UTC", frequency_cap: null, quiet_hours: null });

		const rules = {
			timezone: "Europe/Berlin",
			frequency_cap: { max: 2, per: "P1D" },
			quiet_hours: { start: "21:00", end: "08:00" },
		};
		const patched = await call("PATCH", "/api/v1/workspace", rules, { cookie });
		expect(patched.status).toBe(200);
		expect(patched.json).toMatchObject(rules);
		expect((await call("GET", "/api/v1/me", undefined, { cookie })).json.workspace).toMatchObject(rules);

		const cleared = await call("PATCH", "/api/v1/workspace", { frequency_cap: null, quiet_hours: null }, { cookie });
		expect(cleared.json).toMatchObject({ timezone: "Europe/Berlin", frequency_cap: null, quiet_hours: null });
	});

	it("refuses an unknown time zone, a bad window or bad hours, naming the field, and changes nothing", async () => {
		const { cookie } = await signupOwner("Rules Co");
		const bad = [
			[{ timezone: "Mars/Olympus" }, "timezone"],
			[{ frequency_cap: { max: 2, per: "one day" } }, "frequency_cap.per"],
			[{ frequency_cap: { max: 0, per: "P1D" } }, "frequency_cap.max"],
			[{ quiet_hours: { start: "25:00", end: "08:00" } }, "quiet_hours.start"],
			[{ quiet_hours: { start: "08:00", end: "08:00" } }, "quiet_hours.end"],
		] as const;
		for (const [body, path] of bad) {
			const res = await call("PATCH", "/api/v1/workspace", { name: "Renamed", ...body }, { cookie });
			expect(res.status, path).toBe(400);
			expect(res.error.issues.map((i: { path: string }) => i.path)).toContain(path);
		}
		const me = await call("GET", "/api/v1/me", undefined, { cookie });
		expect(me.json.workspace).toMatchObject({ name: "Rules Co", timezone: "UTC", frequency_cap: null });
	});
});
