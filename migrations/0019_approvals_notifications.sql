CREATE TABLE `approval_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`stage` integer NOT NULL,
	`member_id` text NOT NULL,
	`decision` text NOT NULL,
	`comment` text,
	`version_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `approval_decisions_request` ON `approval_decisions` (`request_id`,`id`);--> statement-breakpoint
CREATE TABLE `approval_policies` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`policy` text NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `approval_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`version_hash` text NOT NULL,
	`requested_by` text,
	`reminded_stage` integer,
	`escalated_stage` integer,
	`stage_since` integer NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `approval_requests_target` ON `approval_requests` (`workspace_id`,`target_type`,`target_id`,`id`);--> statement-breakpoint
CREATE INDEX `approval_requests_open` ON `approval_requests` (`open`,`stage_since`);--> statement-breakpoint
CREATE TABLE `comments` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`parent_id` text,
	`member_id` text,
	`author` text NOT NULL,
	`body` text NOT NULL,
	`mentions` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comments_target` ON `comments` (`workspace_id`,`target_type`,`target_id`,`id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`member_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`preferences` text NOT NULL,
	`last_digest_at` integer,
	FOREIGN KEY (`member_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`slack_webhook_url` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`member_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`read_at` integer,
	`digested_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_member` ON `notifications` (`member_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_member_unread` ON `notifications` (`member_id`,`read_at`);--> statement-breakpoint
CREATE TABLE `campaign_archive` (
	`campaign_id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`archived_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `campaign_tags` (
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `tag`),
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_tags_workspace_tag` ON `campaign_tags` (`workspace_id`,`tag`);--> statement-breakpoint
CREATE TABLE `campaign_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`campaign_id` text NOT NULL,
	`milestone` text NOT NULL,
	`title` text NOT NULL,
	`assignee_id` text,
	`due_at` integer,
	`done_at` integer,
	`overdue_notified_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `campaign_tasks_campaign` ON `campaign_tasks` (`campaign_id`,`id`);--> statement-breakpoint
CREATE INDEX `campaign_tasks_due` ON `campaign_tasks` (`workspace_id`,`due_at`);--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`query` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `saved_searches_member` ON `saved_searches` (`workspace_id`,`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `workspace_ops_settings` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`audit_retention_days` integer,
	`alert_rules` text,
	`alerts_fired_at` text,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `templates` ADD `category` text;--> statement-breakpoint
ALTER TABLE `templates` ADD `archived_at` integer;