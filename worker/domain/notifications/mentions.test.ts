import { describe, expect, it } from "vitest";
import { NOTIFICATION_KINDS } from "../../contracts/notifications";
import { mentionedMembers } from "./mentions";
import { deliveryFor, effectivePreferences } from "./preferences";

const MEMBERS = [
	{ id: "m1", email: "ada@team.example", name: "Ada Lovelace" },
	{ id: "m2", email: "bob@team.example", name: "Bob Stone" },
	{ id: "m3", email: "bob.k@team.example", name: "Bob Kahn" },
];

describe("mentions", () => {
	it("finds members by @email and @name, each once", () => {
		expect(mentionedMembers("@ada@team.example please look, @Ada.Lovelace too", MEMBERS)).toEqual(["m1"]);
		expect(mentionedMembers("cc @AdaLovelace and @bob.k@team.example.", MEMBERS)).toEqual(["m1", "m3"]);
		expect(mentionedMembers("@Ada what do you think?", MEMBERS)).toEqual(["m1"]);
	});

	it("ignores an ambiguous first name, unknown names and email addresses that are not mentions", () => {
		expect(mentionedMembers("@Bob can you check", MEMBERS)).toEqual([]);
		expect(mentionedMembers("write to ada@team.example or @nobody", MEMBERS)).toEqual([]);
	});
});

describe("notification preferences", () => {
	it("defaults every kind to the bell, emailing reviews and failures; a digest holds emails for the day", () => {
		const prefs = effectivePreferences(null);
		expect(Object.keys(prefs.kinds).sort()).toEqual([...NOTIFICATION_KINDS].sort());
		expect(deliveryFor(prefs, "review_requested")).toEqual({ inApp: true, emailNow: true, digest: false });
		expect(deliveryFor(prefs, "mentioned")).toEqual({ inApp: true, emailNow: false, digest: false });
		expect(deliveryFor(prefs, "alert")).toEqual({ inApp: true, emailNow: true, digest: false });
		const digest = effectivePreferences({ kinds: { mentioned: "email", alert: "off" }, daily_digest: true });
		expect(deliveryFor(digest, "mentioned")).toEqual({ inApp: true, emailNow: false, digest: true });
		expect(deliveryFor(digest, "alert")).toEqual({ inApp: false, emailNow: false, digest: false });
	});
});
