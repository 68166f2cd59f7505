import { exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, createKey, ORIGIN, signupOwner } from "./client";

type Owner = Awaited<ReturnType<typeof signupOwner>>;

/** A Segment-style call: HTTP Basic with the key as username and an empty password. */
async function send(path: string, body: unknown, auth: Record<string, string> = {}) {
	const res = await exports.default.fetch(
		new Request(`${ORIGIN}${path}`, {
			method: "POST",
			headers: { "content-type": "application/json", ...auth },
			body: typeof body === "string" ? body : JSON.stringify(body),
		}),
	);
	return { status: res.status, headers: res.headers, json: await res.json<Record<string, unknown>>() };
}
const basic = (key: string) => ({ authorization: `Basic ${btoa(`${key}:`)}` });

// Payloads as Segment's HTTP Tracking API documentation shows them.
const IDENTIFY = {
	userId: "019mr8mf4r",
	traits: { email: "pgibbons@example.com", name: "Peter Gibbons", industry: "Technology" },
	context: { ip: "24.5.68.47" },
	timestamp: "2012-12-02T00:30:08.276Z",
};
const TRACK = {
	userId: "019mr8mf4r",
	event: "Item Purchased",
	properties: { name: "Leap to Conclusions Mat", revenue: 14.99 },
	context: { ip: "24.5.68.47" },
	timestamp: "2012-12-02T00:30:12.984Z",
	messageId: "msg-item-purchased-1",
};
const BATCH = {
	batch: [
		{
			type: "identify",
			userId: "019mr8mf4r",
			traits: { email: "jake@yahoo.com", name: "Jake Peterson", age: 26 },
			timestamp: "2012-12-02T00:30:08.276Z",
		},
		{
			type: "track",
			userId: "019mr8mf4r",
			event: "Song Played",
			properties: { name: "Fallin for You", artist: "Dierks Bentley" },
			timestamp: "2012-12-02T00:30:12.984Z",
		},
		{
			type: "identify",
			userId: "971mj8mk7p",
			traits: { email: "cindy@example.com", name: "Cindy Gonzalez", age: 23 },
			timestamp: "2012-12-02T00:30:08.276Z",
		},
		{
			type: "track",
			userId: "971mj8mk7p",
			event: "Song Played",
			properties: { name: "Get Right", artist: "Jennifer Lopez" },
			timestamp: "2012-12-02T00:30:12.984Z",
		},
	],
};

// The complete examples of Segment's Spec pages (identify, track), every common field included.
const SPEC_IDENTIFY = {
	anonymousId: "507f191e810c19729de860ea",
	channel: "browser",
	context: {
		ip: "8.8.8.8",
		userAgent:
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/40.0.2214.115 Safari/537.36",
	},
	integrations: { All: false, Mixpanel: true, Salesforce: true },
	messageId: "022bb90c-bbac-11e4-8dfc-aa07a5b093db",
	receivedAt: "2015-02-23T22:28:55.387Z",
	sentAt: "2015-02-23T22:28:55.111Z",
	timestamp: "2015-02-23T22:28:55.111Z",
	traits: {
		name: "Peter Gibbons",
		email: "peter@example.com",
		plan: "premium",
		logins: 5,
		address: { street: "6th St", city: "San Francisco", state: "CA", postalCode: "94103", country: "USA" },
	},
	type: "identify",
	userId: "97980cfea0067",
	version: "1.1",
};
const SPEC_TRACK = {
	anonymousId: "23adfd82-aa0f-45a7-a756-24f2a7a4c895",
	context: {
		library: { name: "analytics.js", version: "2.11.1" },
		page: {
			path: "/academy/",
			referrer: "",
			search: "",
			title: "Analytics Academy",
			url: "https://segment.com/academy/",
		},
		userAgent:
			"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/46.0.2490.86 Safari/537.36",
		ip: "108.0.78.21",
	},
	event: "Course Clicked",
	integrations: {},
	messageId: "ajs-f8ca1e4de5024d9430b3928bd8ac6b96",
	properties: { title: "Intro to Analytics" },
	receivedAt: "2015-12-12T19:11:01.266Z",
	sentAt: "2015-12-12T19:11:01.169Z",
	timestamp: "2015-12-12T19:11:01.249Z",
	type: "track",
	userId: "AiUGstSDIg",
	originalTimestamp: "2015-12-12T19:11:01.152Z",
};

async function contactByEmail(owner: Owner, email: string) {
	const list = await call("GET", `/api/v1/contacts?q=${encodeURIComponent(email)}`, undefined, {
		cookie: owner.cookie,
	});
	const id = list.json.data[0]?.id;
	return id ? (await call("GET", `/api/v1/contacts/${id}`, undefined, { cookie: owner.cookie })).json : null;
}

describe("Segment-spec ingestion", () => {
	let owner: Owner;
	let ingestKey: string;
	beforeAll(async () => {
		owner = await signupOwner("Ingest");
		ingestKey = (await createKey(owner.cookie, "ingest")).key;
	});

	it("identify creates the contact from its traits; track records the event at its timestamp, once per messageId", async () => {
		const identified = await send("/v1/identify", IDENTIFY, basic(ingestKey));
		expect(identified).toMatchObject({ status: 200, json: { success: true } });
		expect(identified.json.errors).toBeUndefined();
		for (let i = 0; i < 2; i++)
			expect((await send("/v1/track", TRACK, basic(ingestKey))).json).toEqual({ success: true });

		const contact = await contactByEmail(owner, "pgibbons@example.com");
		expect(contact).toMatchObject({
			first_name: "Peter",
			last_name: "Gibbons",
			status: "subscribed",
			attributes: { industry: "Technology", user_id: "019mr8mf4r" },
			status_history: [{ to: "subscribed", source: "ingest" }],
		});
		expect(contact.events).toEqual([
			expect.objectContaining({
				name: "Item Purchased",
				properties: TRACK.properties,
				occurred_at: "2012-12-02T00:30:12.984Z",
			}),
		]);
	});

	it("takes the Spec's complete examples; a batch a library retries (same messageIds) stores each event once", async () => {
		expect((await send("/v1/identify", SPEC_IDENTIFY, basic(ingestKey))).json).toEqual({ success: true });
		expect(await contactByEmail(owner, "peter@example.com")).toMatchObject({
			first_name: "Peter",
			last_name: "Gibbons",
			attributes: { plan: "premium", logins: 5, address_city: "San Francisco", user_id: "97980cfea0067" },
		});
		// The track's user, introduced in the same batch (identifies are stored first), then the batch sent again.
		const introduce = { type: "identify", userId: "AiUGstSDIg", traits: { email: "academy@example.com" } };
		const batch = { batch: [SPEC_TRACK, introduce], sentAt: "2015-12-12T19:11:01.169Z" };
		for (let i = 0; i < 2; i++)
			expect((await send("/v1/batch", batch, basic(ingestKey))).json).toEqual({ success: true });
		const academy = await contactByEmail(owner, "academy@example.com");
		expect(academy.events).toEqual([
			expect.objectContaining({
				name: "Course Clicked",
				properties: { title: "Intro to Analytics" },
				occurred_at: "2015-12-12T19:11:01.249Z",
			}),
		]);
	});

	it("stores every good message of a batch and reports the bad ones by their place", async () => {
		const bad = [
			{ type: "identify", userId: "no-email-here", traits: { name: "Nobody" } },
			{ type: "page", userId: "971mj8mk7p", name: "Home" },
			{ type: "track", anonymousId: "anon-1", event: "Viewed" },
		];
		const res = await send("/v1/batch", { batch: [...BATCH.batch, ...bad] }, basic(ingestKey));
		expect(res.status).toBe(200);
		expect(res.json.success).toBe(true);
		expect((res.json.errors as { index: number }[]).map((e) => e.index)).toEqual([4, 5, 6]);
		for (const email of ["jake@yahoo.com", "cindy@example.com"]) {
			const contact = await contactByEmail(owner, email);
			expect(
				contact.events.map((e: { name: string }) => e.name),
				email,
			).toEqual(["Song Played"]);
		}
		expect((await contactByEmail(owner, "cindy@example.com")).attributes).toMatchObject({ age: 23 });
	});

	it("takes the key as Basic username, as a Bearer token, or as writeKey in a text/plain body (no CORS preflight)", async () => {
		const track = { userId: "pgibbons@example.com", event: "Logged In" };
		expect((await send("/v1/track", track, { authorization: `Bearer ${ingestKey}` })).json).toEqual({ success: true });
		const plain = await exports.default.fetch(
			new Request(`${ORIGIN}/v1/track`, {
				method: "POST",
				headers: { "content-type": "text/plain", origin: "https://shop.example" },
				body: JSON.stringify({ ...track, event: "Opened Cart", writeKey: ingestKey }),
			}),
		);
		expect(plain.status).toBe(200);
		expect(plain.headers.get("access-control-allow-origin")).toBe("*");
		const preflight = await exports.default.fetch(
			new Request(`${ORIGIN}/v1/batch`, {
				method: "OPTIONS",
				headers: {
					origin: "https://shop.example",
					"access-control-request-method": "POST",
					"access-control-request-headers": "authorization,content-type",
				},
			}),
		);
		expect(preflight.status).toBeLessThan(300);
		expect(preflight.headers.get("access-control-allow-headers")).toMatch(/authorization/i);
		const contact = await contactByEmail(owner, "pgibbons@example.com");
		expect(contact.events.map((e: { name: string }) => e.name)).toEqual(
			expect.arrayContaining(["Logged In", "Opened Cart"]),
		);
	});

	it("refuses other keys and no key, malformed messages and oversize batches", async () => {
		const editorKey = (await createKey(owner.cookie, "editor")).key;
		expect((await send("/v1/identify", IDENTIFY)).status).toBe(401);
		expect((await send("/v1/identify", IDENTIFY, basic("pulse_nope"))).status).toBe(401);
		expect((await send("/v1/identify", IDENTIFY, basic(editorKey))).status).toBe(403);
		const noEvent = await send("/v1/track", { userId: "x@example.com" }, basic(ingestKey));
		expect(noEvent.status).toBe(400);
		expect(noEvent.json).toMatchObject({ error: { issues: [{ path: "event" }] } });
		expect((await send("/v1/track", "{not json", basic(ingestKey))).status).toBe(400);
		const tooMany = { batch: Array.from({ length: 501 }, (_, i) => ({ type: "track", userId: `u${i}`, event: "e" })) };
		expect((await send("/v1/batch", tooMany, basic(ingestKey))).status).toBe(413);
	});

	it("is a key only admins make, and one that can do nothing else", async () => {
		const editor = await call(
			"POST",
			"/api/v1/api-keys",
			{ name: "web", role: "ingest" },
			{ apiKey: (await createKey(owner.cookie, "editor")).key },
		);
		expect(editor.status).toBe(403);
		const listed = await call("GET", "/api/v1/api-keys", undefined, { cookie: owner.cookie });
		expect(listed.json.data.map((k: { role: string }) => k.role)).toContain("ingest");
		const contacts = await call("GET", "/api/v1/contacts", undefined, { apiKey: ingestKey });
		expect(contacts.status).toBe(403);
		expect(contacts.error.message).toMatch(/ingest key can only send contacts and events/);
	});
});

describe("signup form (double opt-in)", () => {
	/** A visitor's browser: a form post without cookies, from one address. */
	const visit = (path: string, init: { method?: string; form?: Record<string, string>; ip?: string } = {}) =>
		exports.default.fetch(
			new Request(`${ORIGIN}${path}`, {
				method: init.method ?? "GET",
				headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": init.ip ?? "198.51.100.7" },
				body: init.form ? new URLSearchParams(init.form).toString() : undefined,
				redirect: "manual",
			}),
		);
	const WORDING = "Yes, send me the monthly newsletter. I can unsubscribe at any time.";

	it("emails a signed link, subscribes only on confirmation with the consent record, never redirects", async () => {
		const owner = await signupOwner("Forms");
		await call("PATCH", "/api/v1/workspace", { default_from_email: "news@forms.example" }, owner);
		const created = await call(
			"POST",
			"/api/v1/signup-forms",
			{ name: "Newsletter", consent_text: WORDING, tags: ["newsletter"], ask_name: true },
			owner,
		);
		expect(created.status).toBe(201);
		const form = created.json as { id: string; url: string; embed_html: string };
		expect(form.url).toBe(`${ORIGIN}/f/${form.id}`);
		expect(form.embed_html).toContain(`<iframe src="${form.url}"`);

		const page = await visit(`/f/${form.id}`);
		expect(page.headers.get("content-security-policy")).toBe("frame-ancestors *");
		const html = await page.text();
		expect(html).toContain(WORDING);
		expect(html).toContain('name="website"'); // the honeypot

		const sent = await visit(`/f/${form.id}?redirect=https://evil.example`, {
			method: "POST",
			form: { email: "Reader@Example.com", first_name: "Rea" },
			ip: "198.51.100.7",
		});
		expect(sent.status).toBe(200);
		expect(sent.headers.get("location")).toBeNull();
		expect(await sent.text()).toContain("Check your inbox");
		// Unconfirmed: no contact exists, so no broadcast can reach the address.
		expect((await call("GET", "/api/v1/contacts", undefined, owner)).json.data).toEqual([]);

		const outbox = await call("GET", "/api/v1/outbox", undefined, owner);
		const email = outbox.json.data.find((m: { to: string }) => m.to === "reader@example.com");
		expect(email.subject).toBe("Confirm your subscription to Forms");
		const link = /http:\/\/pulse\.test(\/f\/confirm\/[\w.-]+)/.exec(email.text)?.[1] ?? "";
		expect(link).not.toBe("");
		const shown = await visit(link);
		expect(shown.status).toBe(200);
		expect(shown.headers.get("x-frame-options")).toBe("DENY");
		expect((await call("GET", "/api/v1/contacts", undefined, owner)).json.data).toEqual([]); // a GET changes nothing
		expect((await visit(`${link.slice(0, -2)}xx`, { method: "POST" })).status).toBe(404); // tampered

		const confirmed = await visit(link, { method: "POST", ip: "203.0.113.99" });
		expect(confirmed.status).toBe(200);
		expect(confirmed.headers.get("location")).toBeNull();
		expect((await visit(link, { method: "POST" })).status).toBe(200); // twice: still fine
		const [contact] = (await call("GET", "/api/v1/contacts", undefined, owner)).json.data;
		expect(contact).toMatchObject({
			email: "reader@example.com",
			first_name: "Rea",
			status: "subscribed",
			tags: ["newsletter"],
			consent: {
				source: `signup form "Newsletter" (${form.id}), confirmed by email`,
				text: WORDING,
				ip: "198.51.100.7",
			},
		});
		const detail = await call("GET", `/api/v1/contacts/${contact.id}`, undefined, owner);
		expect(detail.json.status_history).toHaveLength(1);
	});

	it("a filled honeypot and a flood from one address get the same answer and no email", async () => {
		const owner = await signupOwner("Forms Abuse");
		await call("PATCH", "/api/v1/workspace", { default_from_email: "news@abuse.example" }, owner);
		const form = (await call("POST", "/api/v1/signup-forms", { name: "F", consent_text: WORDING }, owner)).json;
		const bot = await visit(`/f/${form.id}`, {
			method: "POST",
			form: { email: "bot@example.com", website: "http://spam.example" },
			ip: "192.0.2.50",
		});
		expect(bot.status).toBe(200);
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++)
			statuses.push(
				(await visit(`/f/${form.id}`, { method: "POST", form: { email: `p${i}@example.com` }, ip: "192.0.2.51" }))
					.status,
			);
		expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
		expect(statuses[10]).toBe(429);
		const outbox = (await call("GET", "/api/v1/outbox", undefined, owner)).json.data as { to: string }[];
		expect(outbox.map((m) => m.to)).not.toContain("bot@example.com");
		expect(outbox).toHaveLength(10);
		expect((await visit("/f/frm_missing")).status).toBe(404);
	});

	it("a link is spent once the person says no: after an unsubscribe or an erasure it subscribes no one", async () => {
		const owner = await signupOwner("Forms Spent");
		await call("PATCH", "/api/v1/workspace", { default_from_email: "news@spent.example" }, owner);
		const form = (await call("POST", "/api/v1/signup-forms", { name: "S", consent_text: WORDING }, owner)).json;
		const linkFor = async (n: number) => {
			await visit(`/f/${form.id}`, { method: "POST", form: { email: "ann@example.com", first_name: "Ann" } });
			const sent = (await call("GET", "/api/v1/outbox", undefined, owner)).json.data as { text: string }[];
			expect(sent).toHaveLength(n);
			return /http:\/\/pulse\.test(\/f\/confirm\/[\w.-]+)/.exec(sent[0]?.text ?? "")?.[1] ?? "";
		};
		const contacts = async () =>
			(await call("GET", "/api/v1/contacts", undefined, owner)).json.data as { id: string; status: string }[];
		const first = await linkFor(1);
		const page = await visit(first, { method: "POST" });
		const again = await visit(first, { method: "POST" }); // a double click
		expect([page.status, again.status]).toEqual([200, 200]);
		expect(await again.text()).toBe(await page.text());
		const [ann] = await contacts();
		expect((await contacts()).map((c) => c.status)).toEqual(["subscribed"]);

		await call("PATCH", `/api/v1/contacts/${ann?.id}`, { status: "unsubscribed" }, owner);
		const spent = await visit(first, { method: "POST" });
		expect(spent.status).toBe(410);
		expect(await spent.text()).toContain("This link is no longer valid");
		expect((await contacts()).map((c) => c.status)).toEqual(["unsubscribed"]);

		// Filling in the form again is a new "yes": its link subscribes them.
		const second = await linkFor(2);
		expect((await visit(second, { method: "POST" })).status).toBe(200);
		expect((await contacts()).map((c) => c.status)).toEqual(["subscribed"]);

		// They say no again, fill in the form once more (a link not used yet), then ask to be erased: the erasure is
		// the latest "no", so that link brings no one back either.
		await call("PATCH", `/api/v1/contacts/${ann?.id}`, { status: "unsubscribed" }, owner);
		const third = await linkFor(3);
		expect((await call("DELETE", `/api/v1/contacts/${ann?.id}`, undefined, owner)).status).toBe(200);
		for (const link of [first, second, third]) expect((await visit(link, { method: "POST" })).status).toBe(410);
		expect(await contacts()).toEqual([]);
	});
});

describe("Shopify connector", () => {
	const SECRET = "shpss_test_0123456789";
	async function signed(path: string, topic: string, payload: unknown, secret = SECRET, webhookId?: string) {
		const body = JSON.stringify(payload);
		const key = await crypto.subtle.importKey(
			"raw",
			new TextEncoder().encode(secret),
			{ name: "HMAC", hash: "SHA-256" },
			false,
			["sign"],
		);
		const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(body)));
		return exports.default.fetch(
			new Request(`${ORIGIN}${path}`, {
				method: "POST",
				headers: {
					"content-type": "application/json",
					"x-shopify-topic": topic,
					"x-shopify-hmac-sha256": btoa(String.fromCharCode(...mac)),
					"x-shopify-shop-domain": "acme.myshopify.com",
					...(webhookId && { "x-shopify-webhook-id": webhookId }),
				},
				body,
			}),
		);
	}

	it("turns verified customers/create and orders/create webhooks into contacts and purchase events", async () => {
		const owner = await signupOwner("Shop");
		const connected = await call(
			"POST",
			"/api/v1/integrations/shopify",
			{ shop_domain: "Acme.myshopify.com", webhook_secret: SECRET },
			owner,
		);
		expect(connected.status).toBe(201);
		expect(connected.json).toMatchObject({
			shop_domain: "acme.myshopify.com",
			topics: ["customers/create", "orders/create"],
		});
		const path = new URL(connected.json.webhook_url).pathname;

		// From Shopify's customers/create example: accepts_marketing decides the status.
		const customer = {
			id: 706405506930370000,
			email: "bob@biller.com",
			first_name: "Bob",
			last_name: "Biller",
			accepts_marketing: true,
		};
		expect((await signed(path, "customers/create", customer)).status).toBe(200);
		const quiet = { id: 1, email: "quiet@example.com", email_marketing_consent: { state: "not_subscribed" } };
		expect((await signed(path, "customers/create", quiet)).status).toBe(200);
		const order = {
			id: 820982911946154500,
			email: "jon@example.com",
			created_at: "2021-12-31T19:00:00-05:00",
			currency: "USD",
			total_price: "403.00",
			line_items: [
				{ product_id: 632910392, sku: "IPOD2008BLACK", title: "IPod Nano - 8GB", quantity: 1, price: "199.00" },
			],
			customer: { id: 115310627314723950, email: "john@example.com", accepts_marketing: false, first_name: "John" },
		};
		for (let i = 0; i < 2; i++) expect((await signed(path, "orders/create", order)).status).toBe(200);
		expect((await signed(path, "orders/create", order, "shpss_wrong_secret")).status).toBe(401);

		const contacts = (await call("GET", "/api/v1/contacts?limit=10", undefined, owner)).json.data as {
			email: string;
			status: string;
			id: string;
		}[];
		const status = Object.fromEntries(contacts.map((c) => [c.email, c.status]));
		expect(status).toEqual({
			"bob@biller.com": "subscribed",
			"quiet@example.com": "unsubscribed",
			"jon@example.com": "unsubscribed",
		});
		const jon = contacts.find((c) => c.email === "jon@example.com");
		const detail = await call("GET", `/api/v1/contacts/${jon?.id}`, undefined, owner);
		const purchases = detail.json.events.filter((e: { name: string }) => e.name === "purchase");
		expect(purchases).toHaveLength(1); // once per order
		expect(purchases[0]).toMatchObject({
			occurred_at: "2022-01-01T00:00:00.000Z",
			properties: { revenue: 403, currency: "USD", items: [{ sku: "IPOD2008BLACK", quantity: 1, price: 199 }] },
		});
	});

	/** A store connected to a new workspace: its webhook path and the owner. */
	async function connectedStore(name: string) {
		const owner = await signupOwner(name);
		const body = { shop_domain: "acme.myshopify.com", webhook_secret: SECRET };
		const connected = await call("POST", "/api/v1/integrations/shopify", body, owner);
		return { owner, path: new URL(connected.json.webhook_url).pathname };
	}

	it("applies a delivery once, and an old acceptance (a late retry, a replayed body) never undoes an unsubscribe", async () => {
		const { owner, path } = await connectedStore("Shop Replay");
		const customer = {
			id: 7,
			email: "bob@biller.com",
			first_name: "Bob",
			email_marketing_consent: { state: "subscribed", consent_updated_at: "2020-01-01T00:00:00Z" },
		};
		const deliver = async (id: string, body: unknown = customer) =>
			(await signed(path, "customers/create", body, SECRET, id)).json<{ result: string }>();
		expect((await deliver("wh-1")).result).toBe("created");
		const [bob] = (await call("GET", "/api/v1/contacts", undefined, owner)).json.data;
		const contact = async () => (await call("GET", `/api/v1/contacts/${bob.id}`, undefined, owner)).json;
		await call("PATCH", `/api/v1/contacts/${bob.id}`, { status: "unsubscribed", first_name: "Robert" }, owner);

		expect((await deliver("wh-1")).result).toBe("duplicate"); // Shopify's retry of the same delivery
		expect(await contact()).toMatchObject({ status: "unsubscribed", first_name: "Robert" });
		expect((await deliver("wh-2")).result).toMatch(/not subscribed/); // the signed body replayed
		expect(await contact()).toMatchObject({ status: "unsubscribed", first_name: "Bob" });

		const later = { state: "subscribed", consent_updated_at: new Date(Date.now() + 60_000).toISOString() };
		expect((await deliver("wh-3", { ...customer, email_marketing_consent: later })).result).toBe("updated");
		expect((await contact()).status).toBe("subscribed"); // a new acceptance in the store still counts

		expect((await call("DELETE", `/api/v1/contacts/${bob.id}`, undefined, owner)).status).toBe(200);
		expect((await deliver("wh-4")).result).toMatch(/^outdated/);
		expect((await call("GET", "/api/v1/contacts", undefined, owner)).json.data).toEqual([]);
	});

	it("an ingest messageId shaped like a store order's key does not keep the real order out", async () => {
		const { owner, path } = await connectedStore("Shop Keys");
		const ingestKey = (await createKey(owner.cookie, "ingest")).key;
		const buyer = { id: 8, email: "jon@example.com", email_marketing_consent: { state: "not_subscribed" } };
		expect((await signed(path, "customers/create", buyer)).status).toBe(200);
		const track = { userId: "jon@example.com", event: "purchase", messageId: "shopify:order:1" };
		expect((await send("/v1/track", track, basic(ingestKey))).json).toEqual({ success: true });
		const order = { id: 1, email: "jon@example.com", total_price: "10.00", currency: "USD" };
		const recorded = await signed(path, "orders/create", order);
		expect((await recorded.json<{ result: string }>()).result).toBe("recorded");
		const jon = await contactByEmail(owner, "jon@example.com");
		const purchases = jon.events.filter((e: { name: string }) => e.name === "purchase");
		expect(purchases.map((e: { properties: { revenue?: number } }) => e.properties.revenue ?? null).sort()).toEqual([
			10,
			null,
		]);
	});
});
