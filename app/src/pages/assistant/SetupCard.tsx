/**
 * Shown instead of the composer until an AI model is configured: what a marketer can do (ask whoever runs Pulse),
 * with the technical steps folded away for that person.
 */
export function SetupCard(props: { help: string | null }) {
	return (
		<section class="card setup-card" data-testid="assistant-setup">
			<h2 class="card-title">The assistant is not switched on yet</h2>
			<p>
				The assistant writes emails, builds segments and explains results with an AI model. Pulse does not come with
				one: whoever runs Pulse for your team connects it once (a few minutes, with an account at an AI provider such as
				OpenAI). Send them this page; everything else in Pulse works without it.
			</p>
			<details>
				<summary>For the person who runs Pulse</summary>
				<p class="muted">{props.help}</p>
				<p>
					For an OpenAI-compatible endpoint (OpenAI, OpenRouter, Ollama, vLLM, LM Studio…), set in{" "}
					<code>.dev.vars</code>:
				</p>
				<pre class="code-block">
					{"AI_BASE_URL=https://api.openai.com/v1\nAI_API_KEY=sk-...\nAI_MODEL=gpt-4.1-mini"}
				</pre>
				<p>
					In production use <code>wrangler secret put AI_API_KEY</code>, or add <code>[ai] binding = "AI"</code> to{" "}
					<code>wrangler.toml</code> to use Workers AI. Then restart Pulse.
				</p>
			</details>
		</section>
	);
}
