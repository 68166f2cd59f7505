CREATE TABLE `saved_blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`block` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `saved_blocks_workspace` ON `saved_blocks` (`workspace_id`,`id`);--> statement-breakpoint
ALTER TABLE `templates` ADD `editor` text DEFAULT 'html' NOT NULL;--> statement-breakpoint
ALTER TABLE `templates` ADD `blocks` text;