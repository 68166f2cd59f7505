import { describe, expect, it } from "vitest";
import { canManageMember, hasRole } from "./roles";

describe("roles", () => {
	it("orders owner > admin > editor > viewer", () => {
		expect(hasRole("owner", "admin")).toBe(true);
		expect(hasRole("admin", "admin")).toBe(true);
		expect(hasRole("editor", "admin")).toBe(false);
		expect(hasRole("viewer", "editor")).toBe(false);
	});

	it.each([
		["owner", "owner", "viewer", true],
		["admin", "editor", "admin", true],
		["admin", "owner", "viewer", false],
		["admin", "editor", "owner", false],
		["editor", "viewer", "viewer", false],
	] as const)("%s managing a %s (to %s) is allowed: %s", (actor, target, to, allowed) => {
		expect(canManageMember(actor, target, to)).toBe(allowed);
	});
});
