import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
	it("verifies the right password and refuses a wrong one", async () => {
		const stored = await hashPassword("correct horse battery");
		expect(await verifyPassword("correct horse battery", stored)).toBe(true);
		expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
	});

	it("salts each hash, so equal passwords give different hashes", async () => {
		expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
	});

	it("refuses malformed or foreign hashes instead of throwing", async () => {
		for (const stored of ["", "bcrypt$x", "pbkdf2-sha256$abc$AA$AA", "pbkdf2-sha256$1000$!!$AA", DUMMY_PASSWORD_HASH]) {
			expect(await verifyPassword("anything", stored)).toBe(false);
		}
	});
});
