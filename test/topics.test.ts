import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addMember, call, signupOwner } from "./client";
import { hit, sentCampaign, stats, unsubscribePath, waitUntil } from "./tracking-helpers";

const form = "application/x-www-form-urlencoded";

describe("topics", () => {
	it("are written by editors and above, read by viewers, unique by name, and kept to their workspace", async () => {
		const owner = await signupOwner("Topics Co");
		const editor = await addMember(owner.cookie, "editor");
		const viewer = await addMember(owner.cookie, "viewer");
		const created = await call("POST", "/api/v1/topics", { name: "Product news", description: "Monthly" }, editor);
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ name: "Product news", description: "Monthly", opted_out: 0 });
		expect((await call("POST", "/api/v1/topics", { name: "Events" }, viewer)).status).toBe(403);
		const duplicate = await call("POST", "/api/v1/topics", { name: "Product news" }, owner);
		expect(duplicate.status).toBe(409);
		expect(duplicate.error.issues[0].path).toBe("name");
		expect((await call("POST", "/api/v1/topics", { name: " " }, owner)).status).toBe(400);

		const list = await call("GET", "/api/v1/topics", undefined, viewer);
		expect(list.json.data.map((t: { name: string }) => t.name)).toEqual(["Product news"]);
		const id = created.json.id as string;
		expect((await call("PATCH", `/api/v1/topics/${id}`, { name: "Launches" }, viewer)).status).toBe(403);
		expect((await call("PATCH", `/api/v1/topics/${id}`, { name: "Launches" }, editor)).json.name).toBe("Launches");

		const other = await signupOwner("Other Co");
		expect((await call("PATCH", `/api/v1/topics/${id}`, { name: "Mine" }, other)).status).toBe(404);
		expect((await call("DELETE", `/api/v1/topics/${id}`, undefined, other)).status).toBe(404);
		expect((await call("GET", "/api/v1/topics", undefined, other)).json.data).toEqual([]);
		const campaign = await call("POST", "/api/v1/campaigns", { name: "X", template_id: "tpl_x", topic_id: id }, other);
		expect(campaign.status).toBe(400);

		expect((await call("DELETE", `/api/v1/topics/${id}`, undefined, viewer)).status).toBe(403);
		expect((await call("DELETE", `/api/v1/topics/${id}`, undefined, editor)).status).toBe(200);
		expect((await call("GET", "/api/v1/topics", undefined, owner)).json.data).toEqual([]);
	});
});

describe("the preference centre at /u/:token", () => {
	it("opts a contact out of one topic: that topic's campaigns and audience counts leave them out, the others do not", async () => {
		const { cookie, emails } = await sentCampaign(3);
		const news = (await call("POST", "/api/v1/topics", { name: "Product news" }, { cookie })).json;
		const events = (await call("POST", "/api/v1/topics", { name: "Events", description: "Meetups" }, { cookie })).json;
		const path = unsubscribePath(emails[0]?.headers ?? {});

		const page = await (await hit(path)).text();
		expect(page).toContain("Your email preferences");
		expect(page).toContain(`name="topic" value="${news.id}" checked`);
		expect(page).toContain("Meetups");
		expect(page).toContain("Unsubscribe from everything");

		// Keep Events only: opted out of Product news, still subscribed.
		const saved = await hit(`${path}/preferences`, { method: "POST", body: `topic=${events.id}`, contentType: form });
		expect(saved.status).toBe(200);
		const savedPage = await saved.text();
		expect(savedPage).toContain("Saved.");
		expect(savedPage).toContain(`name="topic" value="${events.id}" checked`);
		expect(savedPage).not.toContain(`value="${news.id}" checked`);
		expect((await call("GET", "/api/v1/contacts?status=subscribed", undefined, { cookie })).json.data).toHaveLength(3);
		const topics = (await call("GET", "/api/v1/topics", undefined, { cookie })).json.data;
		expect(topics.find((t: { id: string }) => t.id === news.id).opted_out).toBe(1);

		const templateId = (await call("GET", "/api/v1/templates", undefined, { cookie })).json.data[0].id;
		const about = async (topicId: string) => {
			const created = await call(
				"POST",
				"/api/v1/campaigns",
				{ name: "T", template_id: templateId, topic_id: topicId },
				{ cookie },
			);
			expect(created.json.topic_id).toBe(topicId);
			return created.json.id as string;
		};
		const newsCampaign = await about(news.id);
		const eventsCampaign = await about(events.id);
		expect((await call("GET", `/api/v1/campaigns/${newsCampaign}/audience`, undefined, { cookie })).json.count).toBe(2);
		expect((await call("GET", `/api/v1/campaigns/${eventsCampaign}/audience`, undefined, { cookie })).json.count).toBe(
			3,
		);
		// The count shown before a campaign is saved (the campaign form's) agrees.
		const unsaved = await call("GET", `/api/v1/audience?topic_id=${news.id}`, undefined, { cookie });
		expect(unsaved.json).toEqual({ total: 3, sendable: 2 });

		await call("POST", `/api/v1/campaigns/${newsCampaign}/send`, undefined, { cookie });
		const done = await waitUntil("the topic campaign to complete", async () => {
			const s = await stats(cookie, newsCampaign);
			return s.status === "completed" ? s : null;
		});
		expect(done).toMatchObject({ audience: 3, sent: 2, suppressed: 1 });
		const outbox = await call("GET", `/api/v1/outbox?campaign_id=${newsCampaign}`, undefined, { cookie });
		expect(outbox.json.data.map((m: { to: string }) => m.to)).not.toContain(emails[0]?.to);

		// Opting back in (both ticked) makes them reachable again.
		await hit(`${path}/preferences`, {
			method: "POST",
			body: `topic=${events.id}&topic=${news.id}`,
			contentType: form,
		});
		expect((await call("GET", `/api/v1/campaigns/${eventsCampaign}/audience`, undefined, { cookie })).json.count).toBe(
			3,
		);
		const cleared = await call("PATCH", `/api/v1/campaigns/${eventsCampaign}`, { topic_id: null }, { cookie });
		expect(cleared.json.topic_id).toBeNull();
	});

	it("keeps the plain unsubscribe page without topics, and refuses a tampered token", async () => {
		const { emails } = await sentCampaign(1);
		const page = await (await hit(unsubscribePath(emails[0]?.headers ?? {}))).text();
		expect(page).toContain("Unsubscribe from");
		expect(page).not.toContain("Your email preferences");
		expect((await hit("/u/abc/preferences", { method: "POST", body: "", contentType: form })).status).toBe(404);
	});

	it("opts a contact out of all of 40 topics at once", async () => {
		const { cookie, emails } = await sentCampaign(1);
		const news = (await call("POST", "/api/v1/topics", { name: "Topic" }, { cookie })).json;
		await env.DB.prepare(
			`INSERT INTO topics (id, workspace_id, name) SELECT t.id || '_' || j.key, t.workspace_id, 'Topic ' || j.key
			 FROM topics t, json_each(?) j WHERE t.id = ?`,
		)
			.bind(JSON.stringify(Array(39).fill(0)), news.id)
			.run();
		const path = unsubscribePath(emails[0]?.headers ?? {});
		// Nothing ticked: opted out of every topic, still subscribed.
		const saved = await hit(`${path}/preferences`, { method: "POST", body: "", contentType: form });
		expect(saved.status).toBe(200);
		const topics = (await call("GET", "/api/v1/topics", undefined, { cookie })).json.data;
		expect(topics).toHaveLength(40);
		expect(topics.filter((t: { opted_out: number }) => t.opted_out === 1)).toHaveLength(40);
	});
});
