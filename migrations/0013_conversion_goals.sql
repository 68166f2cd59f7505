CREATE TABLE `conversion_goals` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`event` text NOT NULL,
	`revenue_property` text,
	`window_days` integer NOT NULL,
	`model` text NOT NULL,
	`touch` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
