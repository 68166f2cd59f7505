CREATE TABLE `sending_domains` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`domain` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`provider_id` text,
	`records` text,
	`verified_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sending_domains_domain_unique` ON `sending_domains` (`domain`);--> statement-breakpoint
CREATE INDEX `sending_domains_workspace` ON `sending_domains` (`workspace_id`);--> statement-breakpoint
ALTER TABLE `segments` ADD `cached_count` integer;--> statement-breakpoint
ALTER TABLE `segments` ADD `counted_at` integer;