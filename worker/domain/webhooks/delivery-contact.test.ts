import { describe, expect, it } from "vitest";
import { deliveryContact } from "./delivery-contact";

const body = (type: string, data: unknown) => JSON.stringify({ type, timestamp: "2026-12-03T07:00:00Z", data });

describe("deliveryContact", () => {
	it("finds the contact a delivery tells of: its id for contact events, contact_id for the others", () => {
		expect(deliveryContact("contact.created", body("contact.created", { id: "ctc_1", email: "a@x.test" }))).toEqual({
			contactId: "ctc_1",
		});
		expect(deliveryContact("contact.updated", body("contact.updated", { id: "ctc_2" }))).toEqual({
			contactId: "ctc_2",
		});
		for (const type of ["contact.unsubscribed", "email.opened", "journey.exited"])
			expect(deliveryContact(type, body(type, { contact_id: "ctc_3", message_id: "msg_1" }))).toEqual({
				contactId: "ctc_3",
			});
	});

	it("names the message when only it is known (email.sent), and nothing for events about no contact", () => {
		expect(deliveryContact("email.sent", body("email.sent", { message_id: "msg_1", to: "a@x.test" }))).toEqual({
			messageId: "msg_1",
		});
		expect(deliveryContact("import.completed", body("import.completed", { import_id: "imp_1" }))).toBeNull();
		// Another event's `id` is not a contact's.
		expect(deliveryContact("campaign.status_changed", body("campaign.status_changed", { id: "cmp_1" }))).toBeNull();
		expect(deliveryContact("contact.created", "not json")).toBeNull();
		expect(deliveryContact("contact.created", body("contact.created", null))).toBeNull();
	});
});
