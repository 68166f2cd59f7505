CREATE TABLE `notification_throttle` (
	`workspace_id` text NOT NULL,
	`key` text NOT NULL,
	`last_at` integer NOT NULL,
	PRIMARY KEY(`workspace_id`, `key`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
