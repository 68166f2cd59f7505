DROP INDEX `event_rollups_recent`;--> statement-breakpoint
CREATE INDEX `event_rollups_contact` ON `event_rollups` (`workspace_id`,`name`,`contact_id`,`last_at`);