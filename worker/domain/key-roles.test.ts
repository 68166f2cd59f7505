import { describe, expect, it } from "vitest";
import { effectiveKeyRole, lowerRole, roleToManageKey } from "./key-roles";

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

describe("an ingest key", () => {
	it("is made and revoked by admins and owners only", () => {
		expect(roleToManageKey("ingest")).toBe("admin");
		expect(roleToManageKey("editor")).toBe("editor");
	});

	it("stays an ingest key (never gains a member's role) and stops when its creator is no longer an admin", () => {
		expect(effectiveKeyRole("ingest", "owner")).toBe("ingest");
		expect(effectiveKeyRole("ingest", "admin")).toBe("ingest");
		expect(effectiveKeyRole("ingest", "editor")).toBeNull();
		expect(effectiveKeyRole("ingest", null)).toBeNull();
	});
});
