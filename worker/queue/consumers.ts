import { handleEventsBatch } from "./events-consumer";
import { handleSendsBatch, handleSendsDeadLetters, sendDepsByWorkspace } from "./sends-consumer";
import { handleWebhookDeadLetters, handleWebhooksBatch, webhookDeps } from "./webhooks-consumer";

/** Routes a batch to its queue's consumer. */
export async function handleQueueBatch(batch: MessageBatch<unknown>, env: Env, _ctx: ExecutionContext): Promise<void> {
	if (batch.queue === "pulse-sends-dlq") return handleSendsDeadLetters(batch, env);
	if (batch.queue.startsWith("pulse-sends")) return handleSendsBatch(batch, sendDepsByWorkspace(env));
	if (batch.queue === "pulse-events") return handleEventsBatch(batch, env);
	if (batch.queue === "pulse-webhooks-dlq") return handleWebhookDeadLetters(batch, env);
	if (batch.queue.startsWith("pulse-webhooks")) return handleWebhooksBatch(batch, webhookDeps(env));
	// Events that exhausted their retries: kept in the log for an operator, never silently dropped.
	for (const message of batch.messages) {
		console.error(JSON.stringify({ queue: batch.queue, id: message.id, body: message.body }));
		message.ack();
	}
}
