import { describe, expect, inject, it } from "vitest";
import { apiSession, modelRequests, scriptModel } from "./api-session";

const baseUrl = inject("baseUrl");
const fakeOpenAiUrl = inject("fakeOpenAiUrl");
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type Chunk = { type: string; [key: string]: unknown };

/** Reads a UI message stream as it arrives, noting when each chunk came. */
async function readStream(response: Response) {
	const chunks: (Chunk & { at: number })[] = [];
	const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
	let buffer = "";
	for (;;) {
		const next = await reader?.read();
		if (!next || next.done) break;
		buffer += next.value;
		const lines = buffer.split("\n");
		buffer = lines.pop() ?? "";
		for (const line of lines)
			if (line.startsWith("data: ") && line !== "data: [DONE]")
				chunks.push({ ...(JSON.parse(line.slice(6)) as Chunk), at: Date.now() });
	}
	return chunks;
}

describe("the assistant through a real OpenAI-compatible provider", () => {
	it("streams the model's answer to the client as it is generated, with the tools' results", async () => {
		const id = unique();
		const api = await apiSession(baseUrl, { id, name: "Ada Assist", ip: "198.51.100.41" });
		for (const [i, country] of ["Germany", "Germany", "France"].entries())
			await api.json("POST", "/api/v1/contacts", { email: `p${i}-${id}@example.com`, attributes: { country } });
		const status = await api.json<{ configured: boolean; provider: string; model: string }>("GET", "/api/v1/assistant");
		expect(status).toMatchObject({ configured: true, provider: "openai-compatible", model: "fake-model" });

		const answer =
			"There are $result.count_segment.count contacts in Germany, for example $result.count_segment.sample.0.";
		await scriptModel(
			fakeOpenAiUrl,
			[
				{
					tool_calls: [
						{
							name: "count_segment",
							arguments: { definition: { all: [{ attribute: "country", op: "eq", value: "Germany" }] } },
						},
					],
				},
				{ text: answer },
			],
			60,
		);
		const conversation = await api.json<{ id: string }>("POST", "/api/v1/assistant/conversations", {});
		const response = await api.request("POST", "/api/v1/assistant/chat", {
			conversation_id: conversation.id,
			message: { id: "u1", role: "user", parts: [{ type: "text", text: "How many contacts are in Germany?" }] },
		});
		expect(response.status).toBe(200);
		const chunks = await readStream(response);

		const output = chunks.find((c) => c.type === "tool-output-available");
		expect(output?.output).toMatchObject({ count: 2 });
		const deltas = chunks.filter((c) => c.type === "text-delta");
		const text = deltas.map((d) => d.delta).join("");
		expect(text).toMatch(/^There are 2 contacts in Germany, for example p[01]-.*@example\.com\.$/);
		// Streamed, not buffered: the first words reached us well before the last (the fake waits 60 ms a chunk).
		expect(deltas.length).toBeGreaterThan(8);
		expect((deltas.at(-1)?.at ?? 0) - (deltas[0]?.at ?? 0)).toBeGreaterThan(300);

		const requests = await modelRequests(fakeOpenAiUrl);
		expect(requests).toHaveLength(2);
		expect(requests[0].model).toBe("fake-model");
		expect(requests[0].stream).toBe(true);
		const toolNames = requests[0].tools.map((t: { function: { name: string } }) => t.function.name);
		expect(toolNames).toEqual(
			expect.arrayContaining([
				"describe_workspace",
				"count_segment",
				"create_segment",
				"draft_email",
				"create_campaign_draft",
			]),
		);
		expect(toolNames).not.toEqual(expect.arrayContaining(["send_campaign"]));
		// The second call carried the tool's result back to the model.
		expect(JSON.stringify(requests[1].messages)).toContain('\\"count\\":2');

		const saved = await api.json<{ messages: { role: string; parts: { type: string; text?: string }[] }[] }>(
			"GET",
			`/api/v1/assistant/conversations/${conversation.id}`,
		);
		expect(saved.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
		expect(saved.messages[1]?.parts.filter((p) => p.type === "text").at(-1)?.text).toBe(text);
	});
});
