// The demo workspace's data (seeded by `npm start` on an empty database): contacts from a few countries
// with tags and purchases (the conversion goal), a starter template and a segment, so every page has something to show.

const FIRST = ["Anna", "Ben", "Chloé", "David", "Elena", "Felix", "Greta", "Hugo", "Inès", "Jonas", "Klara", "Luca"];
const LAST = ["Schmidt", "Martin", "García", "Smith", "Rossi", "Müller", "Dubois", "López", "Brown", "Weber"];
const PLACES = [
	{ country: "Germany", city: "Berlin" },
	{ country: "Germany", city: "Munich" },
	{ country: "France", city: "Paris" },
	{ country: "Spain", city: "Madrid" },
	{ country: "United Kingdom", city: "London" },
	{ country: "United States", city: "Austin" },
];
export const DEMO_CONTACTS = 60;

/** @param {(method: string, route: string, body?: unknown) => Promise<Response>} api */
export async function seedDemoData(api) {
	for (let i = 0; i < DEMO_CONTACTS; i++) {
		const first = FIRST[i % FIRST.length];
		const last = LAST[(i * 7) % LAST.length];
		const place = PLACES[i % PLACES.length];
		const email = `${first}.${last}.${i}`
			.normalize("NFD")
			.replace(/[\u0300-\u036f]/g, "")
			.toLowerCase();
		await api("POST", "/api/v1/contacts", {
			email: `${email}@example.com`,
			first_name: first,
			last_name: last,
			attributes: { ...place, plan: i % 5 === 0 ? "pro" : "free" },
			tags: i % 4 === 0 ? ["newsletter", "vip"] : ["newsletter"],
			consent: { source: "demo seed" },
		});
		if (i % 3 === 0)
			await api("POST", "/api/v1/events", {
				email: `${email}@example.com`,
				name: "purchase",
				properties: { amount: 20 + ((i * 13) % 180) },
			});
	}
	const starters = await (await api("GET", "/api/v1/templates/starters")).json();
	const starter = starters.data[0];
	await api("POST", "/api/v1/templates", {
		name: "Monthly newsletter",
		subject: starter.subject,
		preheader: starter.preheader ?? undefined,
		html: starter.html,
	});
	// Purchases are the demo's conversions; campaign reports credit them to the emails clicked before.
	await api("PUT", "/api/v1/conversion-goal", { event: "purchase", revenue_property: "amount" });
	await api("POST", "/api/v1/segments", {
		name: "Subscribers in Germany",
		definition: { all: [{ attribute: "country", op: "eq", value: "Germany" }] },
	});
}
