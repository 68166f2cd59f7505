DROP INDEX `contact_tags_workspace_tag`;--> statement-breakpoint
CREATE INDEX `contact_tags_workspace_tag_contact` ON `contact_tags` (`workspace_id`,`tag`,`contact_id`);