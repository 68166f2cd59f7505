import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, ORIGIN, signupOwner } from "./client";

const KB = 1024;

describe("request size limits", () => {
	it("answers a 2 MB JSON body with 413 and the API's error body, not a crash", async () => {
		const { cookie } = await signupOwner();
		await call("POST", "/api/v1/contacts", { email: "big@example.com" }, { cookie });
		const res = await call(
			"POST",
			"/api/v1/events",
			{ email: "big@example.com", name: "huge", properties: { blob: "x".repeat(2 * KB * KB) } },
			{ cookie },
		);
		expect(res.status).toBe(413);
		expect(res.headers.get("content-type")).toMatch(/application\/json/);
		expect(res.error).toMatchObject({ code: "payload_too_large", request_id: expect.any(String) });
	});

	it("refuses a body that does not say its length once it passes the limit", async () => {
		const { cookie } = await signupOwner();
		const chunk = new TextEncoder().encode("x".repeat(64 * KB));
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent >= 40) return controller.close();
				sent++;
				controller.enqueue(chunk);
			},
		});
		const res = await exports.default.fetch(`${ORIGIN}/api/v1/contacts`, {
			method: "POST",
			headers: { "content-type": "application/json", cookie, origin: ORIGIN, "transfer-encoding": "chunked" },
			body,
		});
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
	});

	it("refuses event properties over 32 KB, naming the field (also inside a batch)", async () => {
		const { cookie } = await signupOwner();
		await call("POST", "/api/v1/contacts", { email: "props@example.com" }, { cookie });
		const big = { blob: "x".repeat(100 * KB) };
		const one = await call(
			"POST",
			"/api/v1/events",
			{ email: "props@example.com", name: "big", properties: big },
			{ cookie },
		);
		expect(one.status).toBe(400);
		expect(one.error.issues[0]).toMatchObject({ path: "properties", message: expect.stringMatching(/32 KB/) });
		const batch = await call(
			"POST",
			"/api/v1/events",
			{
				batch: [
					{ email: "props@example.com", name: "ok" },
					{ email: "props@example.com", name: "big", properties: big },
				],
			},
			{ cookie },
		);
		expect(batch.status).toBe(400);
		expect(batch.error.issues.map((i: { path: string }) => i.path)).toContain("batch.1.properties");
		const fine = await call(
			"POST",
			"/api/v1/events",
			{ email: "props@example.com", name: "fine", properties: { blob: "x".repeat(20 * KB) } },
			{ cookie },
		);
		expect(fine.status).toBe(202);
	});

	it("refuses contact attributes over 32 KB in total, naming the field", async () => {
		const { cookie } = await signupOwner();
		const attributes = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`a${i}`, "y".repeat(1900)]));
		const res = await call("POST", "/api/v1/contacts", { email: "attrs@example.com", attributes }, { cookie });
		expect(res.status).toBe(400);
		expect(res.error.issues[0]).toMatchObject({ path: "attributes", message: expect.stringMatching(/32 KB/) });
	});

	it("still reads a CSV import larger than the JSON limit", async () => {
		const { cookie } = await signupOwner();
		// No email column: the import reads the whole file and refuses it as a file, importing nothing.
		const rows = Array.from({ length: 6_000 }, (_, i) => `person ${i},${"n".repeat(200)}`);
		const csv = `name,note\n${rows.join("\n")}\n`;
		expect(csv.length).toBeGreaterThan(KB * KB);
		const res = await exports.default.fetch(`${ORIGIN}/api/v1/contacts/import`, {
			method: "POST",
			headers: { "content-type": "text/csv", cookie, origin: ORIGIN },
			body: csv,
		});
		expect(res.status).toBe(422);
	});

	it("refuses a provider webhook over 256 KB before verifying it", async () => {
		const res = await exports.default.fetch(`${ORIGIN}/webhooks/resend`, {
			method: "POST",
			headers: {
				"content-type": "application/json",
				"svix-id": "msg_big",
				"svix-timestamp": "1",
				"svix-signature": "v1,x",
			},
			body: JSON.stringify({ type: "email.delivered", data: { pad: "x".repeat(300 * KB) } }),
		});
		expect(res.status).toBe(413);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
	});
});
