/** What an operator does to give Pulse a model; shown instead of the composer until one is configured. */
export function SetupCard(props: { help: string | null }) {
	return (
		<section class="card setup-card" data-testid="assistant-setup">
			<h2 class="card-title">Connect a model to use the assistant</h2>
			<p class="muted">{props.help}</p>
			<p>
				For an OpenAI-compatible endpoint (OpenAI, OpenRouter, Ollama, vLLM, LM Studio…), set in <code>.dev.vars</code>:
			</p>
			<pre class="code-block">{"AI_BASE_URL=https://api.openai.com/v1\nAI_API_KEY=sk-...\nAI_MODEL=gpt-4.1-mini"}</pre>
			<p>
				In production use <code>wrangler secret put AI_API_KEY</code>, or add <code>[ai] binding = "AI"</code> to{" "}
				<code>wrangler.toml</code> to use Workers AI. Then restart Pulse.
			</p>
		</section>
	);
}
