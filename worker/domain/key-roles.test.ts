import { describe, expect, it } from "vitest";
import { effectiveKeyRole, lowerRole } from "./key-roles";

describe("a key's effective role", () => {
	it("is the key's role while its creator ranks at least as high", () => {
		expect(effectiveKeyRole("editor", "owner")).toBe("editor");
		expect(effectiveKeyRole("admin", "admin")).toBe("admin");
	});

	it("drops to its creator's role when they were demoted below it", () => {
		expect(effectiveKeyRole("admin", "editor")).toBe("editor");
		expect(effectiveKeyRole("owner", "viewer")).toBe("viewer");
	});

	it("is nothing once its creator is no longer a member", () => {
		expect(effectiveKeyRole("admin", null)).toBeNull();
	});

	it("lowerRole is symmetric", () => {
		expect(lowerRole("viewer", "owner")).toBe("viewer");
		expect(lowerRole("owner", "viewer")).toBe("viewer");
	});
});
