import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModel } from "ai";
import { createWorkersAI } from "workers-ai-provider";

/** The model the assistant talks to, and how to name it on the status page. */
export type ModelChoice = { model: LanguageModel; provider: string; modelId: string };

/** Picks a model from the environment, or answers null when none is configured. */
export type ModelResolver = (env: Env) => ModelChoice | null;

const DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";
const DEFAULT_WORKERS_AI_MODEL = "@cf/meta/llama-3.3-70b-instruct-fp8-fast";

/** Any OpenAI-compatible endpoint (OpenAI, OpenRouter, Ollama, vLLM, LM Studio...) through chat completions. */
function openAiCompatible(env: Env): ModelChoice | null {
	if (!env.AI_BASE_URL && !env.AI_API_KEY) return null;
	const provider = createOpenAI({ baseURL: env.AI_BASE_URL || undefined, apiKey: env.AI_API_KEY || "none" });
	const modelId = env.AI_MODEL || DEFAULT_OPENAI_MODEL;
	return { model: provider.chat(modelId), provider: "openai-compatible", modelId };
}

/** Workers AI through the `AI` binding (add `[ai] binding = "AI"` to wrangler.toml when deploying). */
function workersAi(env: Env): ModelChoice | null {
	if (!env.AI) return null;
	const modelId = env.AI_MODEL || DEFAULT_WORKERS_AI_MODEL;
	return { model: createWorkersAI({ binding: env.AI })(modelId as never), provider: "workers-ai", modelId };
}

/**
 * The one place to plug a provider in: add a resolver (any `ai` SDK provider works) to this list.
 * `AI_PROVIDER` picks one by name; otherwise the first configured one wins.
 */
const RESOLVERS: Record<string, (env: Env) => ModelChoice | null> = {
	"openai-compatible": openAiCompatible,
	"workers-ai": workersAi,
};

export const resolveConfiguredModel: ModelResolver = (env) => {
	const wanted = env.AI_PROVIDER?.trim();
	if (wanted) return RESOLVERS[wanted]?.(env) ?? null;
	for (const resolve of Object.values(RESOLVERS)) {
		const choice = resolve(env);
		if (choice) return choice;
	}
	return null;
};

export const SETUP_HELP =
	"No assistant model is configured. Set AI_BASE_URL, AI_API_KEY and AI_MODEL for an OpenAI-compatible endpoint " +
	"(in .dev.vars locally, `wrangler secret put` in production), or add an `[ai]` binding named AI to use Workers AI, then restart.";
