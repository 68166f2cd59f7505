import { createApp } from "./app";
import { handleQueueBatch } from "./queue/consumers";

export { CampaignDO } from "../durable-objects/campaign-do";

const app = createApp();

export default {
	fetch: app.fetch,
	queue: handleQueueBatch,
} satisfies ExportedHandler<Env>;
