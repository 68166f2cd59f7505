import { EventsQueueMessageSchema, SendsQueueMessageSchema } from "../contracts/queue";

/**
 * Routes a batch to its queue's consumer. The send and event pipelines arrive with the
 * campaign engine and tracking issues; until then a message of an unknown shape is
 * acknowledged and logged rather than retried forever.
 */
export async function handleQueueBatch(batch: MessageBatch<unknown>, _env: Env, _ctx: ExecutionContext): Promise<void> {
	const schema = batch.queue.startsWith("pulse-events") ? EventsQueueMessageSchema : SendsQueueMessageSchema;
	for (const message of batch.messages) {
		const parsed = schema.safeParse(message.body);
		if (!parsed.success) {
			console.error(JSON.stringify({ queue: batch.queue, id: message.id, error: "unrecognized message" }));
			message.ack();
			continue;
		}
		message.retry();
	}
}
