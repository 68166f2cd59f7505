ALTER TABLE `campaigns` ADD `kind` text DEFAULT 'broadcast' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `journey_id` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `journey_node_id` text;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `transactional` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `local_time` text;--> statement-breakpoint
CREATE INDEX `campaigns_journey` ON `campaigns` (`journey_id`);--> statement-breakpoint
ALTER TABLE `messages` ADD `scheduled_for` integer;--> statement-breakpoint
CREATE INDEX `messages_contact_created` ON `messages` (`contact_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_campaign_due` ON `messages` (`campaign_id`,`scheduled_for`) WHERE status = 'queued' AND chunk_id IS NULL;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `timezone` text DEFAULT 'UTC' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `frequency_cap_max` integer;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `frequency_cap_per` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `quiet_hours_start` text;--> statement-breakpoint
ALTER TABLE `workspaces` ADD `quiet_hours_end` text;