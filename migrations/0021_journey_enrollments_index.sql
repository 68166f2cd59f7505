CREATE TABLE `journey_enrollments_index` (
	`journey_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`workspace_id` text NOT NULL,
	`status` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`journey_id`, `enrollment_id`)
);
--> statement-breakpoint
CREATE INDEX `journey_enrollments_index_contact` ON `journey_enrollments_index` (`contact_id`,`updated_at`);