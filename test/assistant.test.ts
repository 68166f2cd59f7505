import type { MockLanguageModelV3 } from "ai/test";
import { beforeEach, describe, expect, it } from "vitest";
import { appWithModel, scriptedModel, streamChunks, toolResults } from "./assistant-helpers";
import { addMember, type Caller, call, signupOwner } from "./client";

let model: MockLanguageModelV3 | null = null;
const via = appWithModel(() => model);

let owner: { cookie: string };
const as = (cookie: string): Caller => ({ cookie, via });

async function addContacts(cookie: string, rows: { email: string; country: string }[]) {
	for (const row of rows) {
		const res = await call(
			"POST",
			"/api/v1/contacts",
			{ email: row.email, attributes: { country: row.country } },
			{ cookie },
		);
		expect(res.status).toBe(201);
	}
}

async function newConversation(cookie: string) {
	const res = await call("POST", "/api/v1/assistant/conversations", {}, as(cookie));
	expect(res.status).toBe(201);
	return res.json.id as string;
}

let messageCounter = 0;
async function chat(cookie: string, conversationId: string, text: string) {
	const res = await call(
		"POST",
		"/api/v1/assistant/chat",
		{
			conversation_id: conversationId,
			message: { id: `m${++messageCounter}`, role: "user", parts: [{ type: "text", text }] },
		},
		as(cookie),
	);
	return { ...res, chunks: res.status === 200 ? streamChunks(res.text) : [] };
}

const GERMANY = { all: [{ attribute: "country", op: "eq", value: "Germany" }] };

beforeEach(async () => {
	model = null;
	owner = await signupOwner("Assistant Co");
	await addContacts(owner.cookie, [
		{ email: "anna@example.de", country: "Germany" },
		{ email: "bernd@example.de", country: "Germany" },
		{ email: "chloe@example.fr", country: "France" },
	]);
});

describe("assistant configuration", () => {
	it("answers 503 with how to configure a model when none is configured", async () => {
		const conversation = await newConversation(owner.cookie);
		const res = await call(
			"POST",
			"/api/v1/assistant/chat",
			{ conversation_id: conversation, message: { id: "m1", role: "user", parts: [{ type: "text", text: "hi" }] } },
			{ cookie: owner.cookie },
		);
		expect(res.status).toBe(503);
		expect(res.error.code).toBe("assistant_not_configured");
		expect(res.error.message).toMatch(/AI_BASE_URL/);
		const status = await call("GET", "/api/v1/assistant", undefined, { cookie: owner.cookie });
		expect(status.json).toMatchObject({ configured: false, provider: null });
		expect(status.json.setup_help).toMatch(/AI_API_KEY/);
	});

	it("reports the configured model", async () => {
		model = scriptedModel([{ text: "hello" }]);
		const status = await call("GET", "/api/v1/assistant", undefined, as(owner.cookie));
		expect(status.json).toEqual({ configured: true, provider: "mock", model: "mock-model", setup_help: null });
	});
});

describe("assistant tools", () => {
	it("creates exactly the segment the model asked for and returns its count", async () => {
		model = scriptedModel([
			{ toolCalls: [{ name: "create_segment", input: { name: "Germany", definition: GERMANY } }] },
			{ text: "I created the segment Germany with 2 contacts." },
		]);
		const conversation = await newConversation(owner.cookie);
		const res = await chat(owner.cookie, conversation, "Make a segment of contacts in Germany");
		expect(res.status).toBe(200);
		const output = res.chunks.find((c) => c.type === "tool-output-available");
		expect(output?.output.segment).toMatchObject({ name: "Germany", definition: GERMANY, count: 2 });

		const segments = await call("GET", "/api/v1/segments", undefined, { cookie: owner.cookie });
		expect(segments.json.data).toHaveLength(1);
		expect(segments.json.data[0]).toMatchObject({ name: "Germany", definition: GERMANY, count: 2 });
		// The model was given the tool's result (with the count) for its answer.
		const secondPrompt = model.doStreamCalls[1]?.prompt ?? [];
		expect(JSON.stringify(toolResults(secondPrompt))).toContain('"count":2');
	});

	it("hands an invalid rule tree back to the model as an error it can correct", async () => {
		model = scriptedModel([
			{
				toolCalls: [
					{
						name: "create_segment",
						input: { name: "Germany", definition: { all: [{ attribute: "country", op: "equals", value: "Germany" }] } },
					},
				],
			},
			(prompt) => {
				const error = toolResults(prompt).at(-1)?.output;
				// The model reads the path at fault and fixes exactly that.
				if (error?.type !== "error-text" || !error.value.includes("definition.all.0.op")) return { text: "stuck" };
				return { toolCalls: [{ name: "create_segment", input: { name: "Germany", definition: GERMANY } }] };
			},
			{ text: "Fixed it: 2 contacts." },
		]);
		const conversation = await newConversation(owner.cookie);
		const res = await chat(owner.cookie, conversation, "Segment of Germans please");
		const error = res.chunks.find((c) => c.type === "tool-output-error");
		expect(error?.errorText).toMatch(/definition\.all\.0\.op/);
		const fixed = res.chunks.find((c) => c.type === "tool-output-available");
		expect(fixed?.output.segment.count).toBe(2);
		const segments = await call("GET", "/api/v1/segments", undefined, { cookie: owner.cookie });
		expect(segments.json.data.map((s: { name: string }) => s.name)).toEqual(["Germany"]);
	});

	it("refuses every write a viewer's assistant attempts, and still reads for them", async () => {
		const viewer = await addMember(owner.cookie, "viewer");
		const templates = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "S", html: "<p>Hi</p>" },
			{ cookie: owner.cookie },
		);
		model = scriptedModel([
			{
				toolCalls: [
					{ name: "create_segment", input: { name: "Germany", definition: GERMANY } },
					{
						name: "draft_email",
						input: {
							name: "Hello",
							tone: "friendly",
							language: "English",
							subject_variants: ["Hi"],
							html: "<p>Hi</p>",
						},
					},
					{ name: "create_campaign_draft", input: { name: "C", template_id: templates.json.id } },
					{ name: "count_segment", input: { definition: GERMANY } },
				],
			},
			{ text: "A viewer cannot create these." },
		]);
		const conversation = await newConversation(viewer.cookie);
		const res = await chat(viewer.cookie, conversation, "Create a segment, an email and a campaign");
		const errors = res.chunks.filter((c) => c.type === "tool-output-error");
		expect(errors).toHaveLength(3);
		for (const e of errors) expect(e.errorText).toMatch(/^Refused: your role is viewer/);
		const read = res.chunks.find((c) => c.type === "tool-output-available");
		expect(read?.output.count).toBe(2);

		const [segments, allTemplates, campaigns] = await Promise.all(
			["segments", "templates", "campaigns"].map((r) =>
				call("GET", `/api/v1/${r}`, undefined, { cookie: owner.cookie }),
			),
		);
		expect(segments?.json.data).toHaveLength(0);
		expect(allTemplates?.json.data).toHaveLength(1);
		expect(campaigns?.json.data).toHaveLength(0);
	});

	it("drafts an email as a template with subject variants, and a campaign draft that is never sent", async () => {
		await call("PATCH", "/api/v1/workspace", { default_from_email: "news@acme.test" }, { cookie: owner.cookie });
		let templateId = "";
		model = scriptedModel([
			{
				toolCalls: [
					{
						name: "draft_email",
						input: {
							name: "Spring sale (de)",
							tone: "urgent",
							language: "German",
							subject_variants: ["Nur heute: 20 % Rabatt", "Letzte Chance auf den Frühlingsrabatt"],
							html: "<p>Hallo {{ contact.first_name | default: 'du' }}, nur heute 20 % Rabatt!</p>",
						},
					},
				],
			},
			(prompt) => {
				const result = toolResults(prompt).at(-1)?.output;
				templateId = result?.type === "json" ? (result.value as { template: { id: string } }).template.id : "";
				return {
					toolCalls: [{ name: "create_segment", input: { name: "Germany", definition: GERMANY } }],
				};
			},
			(prompt) => {
				const result = toolResults(prompt).at(-1)?.output;
				const segmentId = result?.type === "json" ? (result.value as { segment: { id: string } }).segment.id : "";
				return {
					toolCalls: [
						{
							name: "create_campaign_draft",
							input: { name: "Spring sale DE", template_id: templateId, segment_id: segmentId },
						},
					],
				};
			},
			{ text: "Your draft is ready to review." },
		]);
		const conversation = await newConversation(owner.cookie);
		const res = await chat(
			owner.cookie,
			conversation,
			"Write an urgent German spring sale email for Germany and prepare a campaign",
		);
		const outputs = res.chunks.filter((c) => c.type === "tool-output-available").map((c) => c.output);
		expect(outputs).toHaveLength(3);
		expect(outputs[0].subject_variants).toEqual(["Nur heute: 20 % Rabatt", "Letzte Chance auf den Frühlingsrabatt"]);
		expect(outputs[2].audience).toEqual({ total: 2, sendable: 2 });

		const template = await call("GET", `/api/v1/templates/${templateId}`, undefined, { cookie: owner.cookie });
		expect(template.json.subject).toBe("Nur heute: 20 % Rabatt");
		const campaign = await call("GET", `/api/v1/campaigns/${outputs[2].campaign.id}`, undefined, {
			cookie: owner.cookie,
		});
		expect(campaign.json).toMatchObject({
			status: "draft",
			name: "Spring sale DE",
			template_id: templateId,
			schedule: null,
		});
		const audit = await call("GET", "/api/v1/audit-log", undefined, { cookie: owner.cookie });
		const actions = audit.json.data.map((e: { action: string }) => e.action);
		expect(actions).toEqual(expect.arrayContaining(["template.created", "segment.created", "campaign.created"]));
	});

	it("describes the workspace: counts, attributes with sample values, tags, segments, templates and campaigns", async () => {
		const { cookie } = owner;
		await call("PATCH", "/api/v1/workspace", { default_from_email: "hi@acme.test" }, { cookie });
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "S", html: "<p>Hi</p>" },
			{ cookie },
		);
		await call("POST", "/api/v1/segments", { name: "Germany", definition: GERMANY }, { cookie });
		await call("POST", "/api/v1/campaigns", { name: "Launch", template_id: template.json.id }, { cookie });
		model = scriptedModel([{ toolCalls: [{ name: "describe_workspace", input: {} }] }, { text: "Done." }]);
		const res = await chat(cookie, await newConversation(cookie), "What is in here?");
		const summary = res.chunks.find((c) => c.type === "tool-output-available")?.output;
		expect(summary).toMatchObject({
			workspace: { name: "Assistant Co", default_from_email: "hi@acme.test", your_role: "owner" },
			contacts: { total: 3, subscribed: 3 },
			attributes: [{ name: "country", contacts: 3, sample_values: ["France", "Germany"] }],
			tags: [],
			segments: [{ name: "Germany" }],
			templates: [{ id: template.json.id, name: "T", subject: "S" }],
			recent_campaigns: [{ name: "Launch", status: "draft", started_at: null, completed_at: null }],
		});
		expect(summary.recent_campaigns[0].created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
	});

	it("summarizes a campaign's results with suggestions", async () => {
		const template = await call(
			"POST",
			"/api/v1/templates",
			{ name: "T", subject: "S", html: "<p>Hi</p>" },
			{ cookie: owner.cookie },
		);
		const campaign = await call(
			"POST",
			"/api/v1/campaigns",
			{ name: "Launch", template_id: template.json.id, from_email: "news@acme.test" },
			{ cookie: owner.cookie },
		);
		model = scriptedModel([
			{ toolCalls: [{ name: "summarize_campaign", input: { campaign_id: campaign.json.id } }] },
			{ text: "It has not been sent yet." },
		]);
		const conversation = await newConversation(owner.cookie);
		const res = await chat(owner.cookie, conversation, "How did Launch do?");
		const summary = res.chunks.find((c) => c.type === "tool-output-available")?.output;
		expect(summary.campaign).toMatchObject({ name: "Launch", status: "draft" });
		expect(summary.findings[0]).toMatch(/nothing has been sent yet/);
	});
});

describe("assistant stream and history", () => {
	it("streams the answer to the client token by token, after the tool's result", async () => {
		model = scriptedModel([
			{ toolCalls: [{ name: "count_segment", input: { definition: GERMANY } }] },
			{ text: "There are 2 contacts in Germany." },
		]);
		const conversation = await newConversation(owner.cookie);
		const res = await chat(owner.cookie, conversation, "How many contacts are in Germany?");
		expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
		const types = res.chunks.map((c) => c.type);
		const deltas = res.chunks.filter((c) => c.type === "text-delta");
		expect(deltas.length).toBeGreaterThan(3);
		expect(deltas.map((d) => d.delta).join("")).toBe("There are 2 contacts in Germany.");
		expect(types.indexOf("tool-input-available")).toBeLessThan(types.indexOf("tool-output-available"));
		expect(types.indexOf("tool-output-available")).toBeLessThan(types.indexOf("text-delta"));
		expect(types.at(-1)).toBe("finish");
	});

	it("stores the conversation and gives it back to the user and to the model on the next message", async () => {
		model = scriptedModel([
			{ toolCalls: [{ name: "count_segment", input: { definition: GERMANY } }] },
			{ text: "2 contacts." },
			{ text: "Yes, still 2." },
		]);
		const conversation = await newConversation(owner.cookie);
		await chat(owner.cookie, conversation, "Count Germany");
		const saved = await call("GET", `/api/v1/assistant/conversations/${conversation}`, undefined, {
			cookie: owner.cookie,
		});
		expect(saved.json.title).toBe("Count Germany");
		expect(saved.json.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant"]);
		const parts = saved.json.messages[1].parts;
		expect(parts.find((p: { type: string }) => p.type === "tool-count_segment")).toMatchObject({
			state: "output-available",
			output: { count: 2 },
		});
		expect(parts.filter((p: { type: string }) => p.type === "text").at(-1).text).toBe("2 contacts.");

		await chat(owner.cookie, conversation, "Still?");
		const prompt = JSON.stringify(model.doStreamCalls.at(-1)?.prompt);
		expect(prompt).toContain("Count Germany");
		expect(prompt).toContain('"count":2');
		const again = await call("GET", `/api/v1/assistant/conversations/${conversation}`, undefined, {
			cookie: owner.cookie,
		});
		expect(again.json.messages).toHaveLength(4);
		const list = await call("GET", "/api/v1/assistant/conversations", undefined, { cookie: owner.cookie });
		expect(list.json.data.map((c: { id: string }) => c.id)).toContain(conversation);
	});

	it("keeps the user's message when the model provider fails, and says so without internals", async () => {
		const { APICallError } = await import("ai");
		model = scriptedModel([{ text: "unused" }]);
		model.doStream = async () => {
			throw new APICallError({
				message: "upstream exploded with secret detail",
				url: "https://models.example/v1/chat/completions",
				requestBodyValues: {},
				statusCode: 500,
				isRetryable: false,
			});
		};
		const conversation = await newConversation(owner.cookie);
		const res = await chat(owner.cookie, conversation, "Hello?");
		const error = res.chunks.find((c) => c.type === "error");
		expect(error?.errorText).toBe("The model provider could not answer (HTTP 500). Try again in a moment.");
		expect(res.text).not.toContain("secret detail");
		const saved = await call("GET", `/api/v1/assistant/conversations/${conversation}`, undefined, {
			cookie: owner.cookie,
		});
		expect(saved.json.messages[0].parts[0].text).toBe("Hello?");
	});

	it("keeps conversations private to the member who started them", async () => {
		model = scriptedModel([{ text: "hi" }]);
		const editor = await addMember(owner.cookie, "editor");
		const conversation = await newConversation(owner.cookie);
		const read = await call("GET", `/api/v1/assistant/conversations/${conversation}`, undefined, {
			cookie: editor.cookie,
		});
		expect(read.status).toBe(404);
		const res = await chat(editor.cookie, conversation, "let me in");
		expect(res.status).toBe(404);
		const list = await call("GET", "/api/v1/assistant/conversations", undefined, { cookie: editor.cookie });
		expect(list.json.data).toHaveLength(0);
	});

	it("refuses an empty message with the field at fault", async () => {
		model = scriptedModel([{ text: "hi" }]);
		const conversation = await newConversation(owner.cookie);
		const res = await chat(owner.cookie, conversation, "   ");
		expect(res.status).toBe(400);
		expect(res.error.code).toBe("validation_failed");
		expect(res.error.issues[0].path).toBe("message.parts.0.text");
		expect(model.doStreamCalls).toHaveLength(0);
	});

	it("deletes a conversation with its messages", async () => {
		model = scriptedModel([{ text: "hi" }]);
		const conversation = await newConversation(owner.cookie);
		await chat(owner.cookie, conversation, "hello");
		const del = await call("DELETE", `/api/v1/assistant/conversations/${conversation}`, undefined, {
			cookie: owner.cookie,
		});
		expect(del.status).toBe(200);
		const read = await call("GET", `/api/v1/assistant/conversations/${conversation}`, undefined, {
			cookie: owner.cookie,
		});
		expect(read.status).toBe(404);
	});
});
