// A local fake of an OpenAI-compatible `POST /v1/chat/completions` (streaming and not), for tests of the
// assistant's real provider path (@ai-sdk/openai). Tests script its turns over an admin API:
//   POST /__admin/script  {"turns": [{"text": "..."} | {"tool_calls": [{"name", "arguments"}]}], "chunk_delay_ms"?}
//   GET  /__admin/requests  every chat request received;  POST /__admin/reset
// With no turn scripted it answers "You said: <the last user message>".
// Standalone: `node scripts/fake-openai.mjs [--port 3031]`.

import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { fill, lastUserText, toolResultsByName } from "./fake-openai/script.mjs";
import { parseJson, readBody, send } from "./fake-resend/http.mjs";

export const FAKE_API_KEY = "sk-fake-openai";

/** @param {{ port?: number }} [options] */
export async function startFakeOpenAI(options = {}) {
	const state = { turns: /** @type {any[]} */ ([]), requests: /** @type {any[]} */ ([]), chunkDelayMs: 20 };
	let calls = 0;

	/** The next turn, with placeholders filled from the conversation. @param {any[]} messages */
	function nextTurn(messages) {
		const scripted = state.turns.shift();
		if (!scripted) return { text: `You said: ${lastUserText(messages)}` };
		return fill(scripted, toolResultsByName(messages));
	}

	/** Splits a turn into chat.completion.chunk deltas, the way OpenAI streams them. */
	function deltasOf(turn) {
		if ("text" in turn) {
			const words = String(turn.text).split(/(?<= )/);
			return { deltas: [{ role: "assistant", content: "" }, ...words.map((content) => ({ content }))], finish: "stop" };
		}
		const deltas = turn.tool_calls.flatMap((call, index) => {
			const args = JSON.stringify(call.arguments ?? {});
			const half = Math.ceil(args.length / 2);
			const id = `call_${++calls}`;
			return [
				{
					tool_calls: [{ index, id, type: "function", function: { name: call.name, arguments: args.slice(0, half) } }],
				},
				{ tool_calls: [{ index, function: { arguments: args.slice(half) } }] },
			];
		});
		return { deltas: [{ role: "assistant", content: null }, ...deltas], finish: "tool_calls" };
	}

	async function stream(res, model, turn) {
		res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
		const id = `chatcmpl-${Date.now()}`;
		const created = Math.floor(Date.now() / 1000);
		const chunk = (choices, extra = {}) =>
			res.write(
				`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices, ...extra })}\n\n`,
			);
		const { deltas, finish } = deltasOf(turn);
		for (const delta of deltas) {
			chunk([{ index: 0, delta, finish_reason: null }]);
			await new Promise((resolve) => setTimeout(resolve, state.chunkDelayMs));
		}
		chunk([{ index: 0, delta: {}, finish_reason: finish }]);
		chunk([], { usage: { prompt_tokens: 20, completion_tokens: deltas.length, total_tokens: 20 + deltas.length } });
		res.end("data: [DONE]\n\n");
	}

	function complete(res, model, turn) {
		const message =
			"text" in turn
				? { role: "assistant", content: turn.text }
				: {
						role: "assistant",
						content: null,
						tool_calls: turn.tool_calls.map((call) => ({
							id: `call_${++calls}`,
							type: "function",
							function: { name: call.name, arguments: JSON.stringify(call.arguments ?? {}) },
						})),
					};
		send(res, 200, {
			id: `chatcmpl-${Date.now()}`,
			object: "chat.completion",
			created: Math.floor(Date.now() / 1000),
			model,
			choices: [{ index: 0, message, finish_reason: "text" in turn ? "stop" : "tool_calls" }],
			usage: { prompt_tokens: 20, completion_tokens: 5, total_tokens: 25 },
		});
	}

	const server = createServer(async (req, res) => {
		const url = new URL(req.url ?? "/", "http://fake");
		const body = parseJson((await readBody(req)) ?? "");
		const json = body.ok ? /** @type {any} */ (body.value) : null;
		if (url.pathname === "/__admin/script" && req.method === "POST") {
			state.turns = [...(json?.turns ?? [])];
			if (typeof json?.chunk_delay_ms === "number") state.chunkDelayMs = json.chunk_delay_ms;
			return send(res, 200, { ok: true });
		}
		if (url.pathname === "/__admin/requests") return send(res, 200, { requests: state.requests });
		if (url.pathname === "/__admin/reset" && req.method === "POST") {
			Object.assign(state, { turns: [], requests: [], chunkDelayMs: 20 });
			return send(res, 200, { ok: true });
		}
		if (url.pathname !== "/v1/chat/completions" || req.method !== "POST")
			return send(res, 404, { error: { message: "Unknown route", type: "invalid_request_error" } });
		if (req.headers.authorization !== `Bearer ${FAKE_API_KEY}`)
			return send(res, 401, { error: { message: "Incorrect API key provided", type: "invalid_request_error" } });
		if (!json || !Array.isArray(json.messages))
			return send(res, 400, { error: { message: "messages is required", type: "invalid_request_error" } });
		state.requests.push(json);
		const turn = nextTurn(json.messages);
		if (json.stream) return stream(res, json.model ?? "fake-model", turn);
		return complete(res, json.model ?? "fake-model", turn);
	});

	await new Promise((resolve) => server.listen(options.port ?? 0, "127.0.0.1", () => resolve(undefined)));
	const address = server.address();
	const port = typeof address === "object" && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
	const portIndex = process.argv.indexOf("--port");
	const fake = await startFakeOpenAI({ port: portIndex > 0 ? Number(process.argv[portIndex + 1]) : 3031 });
	console.log(`Fake OpenAI-compatible API on ${fake.url}/v1 (key ${FAKE_API_KEY})`);
}
