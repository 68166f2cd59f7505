import { describe, expect, it } from "vitest";
import { CONFIRM_TTL_MS, signClaim, verifyClaim } from "./confirm-token";

const SECRET = "unit-test-secret-0123456789";
const claim = { f: "frm_1", email: "reader@example.com", first_name: "Rea", at: 1_700_000_000_000, ip: "198.51.100.7" };

describe("double opt-in confirmation links", () => {
	it("carry the signup as made, for a week", async () => {
		const token = await signClaim(SECRET, claim);
		expect(await verifyClaim(SECRET, token, claim.at + 1_000)).toEqual(claim);
		expect(await verifyClaim(SECRET, token, claim.at + CONFIRM_TTL_MS)).toEqual(claim);
		expect(await verifyClaim(SECRET, token, claim.at + CONFIRM_TTL_MS + 1)).toBeNull();
	});

	it("refuse a changed address, another secret, or a mangled token", async () => {
		const token = await signClaim(SECRET, claim);
		const [, mac] = token.split(".");
		const forged = Buffer.from(JSON.stringify({ ...claim, email: "victim@example.com" })).toString("base64url");
		expect(await verifyClaim(SECRET, `${forged}.${mac}`, claim.at)).toBeNull();
		expect(await verifyClaim("another-secret-0123456789", token, claim.at)).toBeNull();
		for (const bad of ["", "abc", `${token}.x`, token.slice(0, -3)])
			expect(await verifyClaim(SECRET, bad, claim.at), bad).toBeNull();
	});
});
