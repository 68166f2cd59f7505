import { handleEventsBatch } from "./events-consumer";
import { providerFor } from "./providers/select";
import { handleSendsBatch, handleSendsDeadLetters } from "./sends-consumer";

/** Routes a batch to its queue's consumer. */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext): Promise<void> {
	if (batch.queue === "pulse-sends-dlq") return handleSendsDeadLetters(batch, env);
	if (batch.queue.startsWith("pulse-sends")) {
		const provider = providerFor(env);
		// The capture outbox has no rate limit; Resend's is configurable (requests per second).
		const requestsPerSecond = provider.name === "resend" ? Number(env.PROVIDER_REQUESTS_PER_SECOND || 2) : null;
		return handleSendsBatch(batch, { env, provider, requestsPerSecond });
	}
	if (batch.queue === "pulse-events") return handleEventsBatch(batch, env);
	// Events that exhausted their retries: kept in the log for an operator, never silently dropped.
	for (const message of batch.messages) {
		console.error(JSON.stringify({ queue: batch.queue, id: message.id, body: message.body }));
		message.ack();
	}
}
