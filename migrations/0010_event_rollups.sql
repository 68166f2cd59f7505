CREATE TABLE `event_rollups` (
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`contact_id` text NOT NULL,
	`total` integer NOT NULL,
	`first_at` integer NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `name`, `contact_id`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_rollups_recent` ON `event_rollups` (`workspace_id`,`name`,`last_at`,`contact_id`);--> statement-breakpoint
INSERT INTO `event_rollups` (`workspace_id`, `name`, `contact_id`, `total`, `first_at`, `last_at`)
	SELECT `workspace_id`, `name`, `contact_id`, count(*), min(`occurred_at`), max(`occurred_at`) FROM `events`
	GROUP BY `workspace_id`, `name`, `contact_id`;
--> statement-breakpoint
CREATE TRIGGER `events_rollup_insert` AFTER INSERT ON `events` BEGIN
	INSERT INTO `event_rollups` (`workspace_id`, `name`, `contact_id`, `total`, `first_at`, `last_at`)
		VALUES (new.`workspace_id`, new.`name`, new.`contact_id`, 1, new.`occurred_at`, new.`occurred_at`)
		ON CONFLICT (`workspace_id`, `name`, `contact_id`) DO UPDATE SET
			`total` = `total` + 1,
			`first_at` = min(`first_at`, excluded.`first_at`),
			`last_at` = max(`last_at`, excluded.`last_at`);
END;
--> statement-breakpoint
-- Events are deleted only when their contact is erased (all of them); `first_at`/`last_at` are not recomputed.
CREATE TRIGGER `events_rollup_delete` AFTER DELETE ON `events` BEGIN
	UPDATE `event_rollups` SET `total` = `total` - 1
		WHERE `workspace_id` = old.`workspace_id` AND `name` = old.`name` AND `contact_id` = old.`contact_id`;
	DELETE FROM `event_rollups`
		WHERE `workspace_id` = old.`workspace_id` AND `name` = old.`name` AND `contact_id` = old.`contact_id` AND `total` <= 0;
END;
