import { createApp } from "./app";
import { handleQueueBatch } from "./queue/consumers";
import { handleScheduled } from "./scheduled";

export { CampaignDO } from "../durable-objects/campaign-do";
export { ImportDO } from "../durable-objects/import-do";
export { JourneyDO } from "../durable-objects/journey-do";
export { NotificationsDO } from "../durable-objects/notifications-do";
export { RateLimiterDO } from "../durable-objects/rate-limiter-do";

const app = createApp();

export default {
	fetch: app.fetch,
	queue: handleQueueBatch,
	scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
