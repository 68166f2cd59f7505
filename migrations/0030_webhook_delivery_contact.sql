ALTER TABLE `webhook_deliveries` ADD `contact_id` text;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_contact` ON `webhook_deliveries` (`contact_id`);
--> statement-breakpoint
-- Deliveries recorded before this column: their contact, read from the body (as worker/domain/webhooks/delivery-contact.ts does).
UPDATE `webhook_deliveries` SET `contact_id` = coalesce(
	json_extract(`body`, '$.data.contact_id'),
	CASE WHEN `event_type` IN ('contact.created', 'contact.updated') THEN json_extract(`body`, '$.data.id') END,
	(SELECT `messages`.`contact_id` FROM `messages` WHERE `messages`.`id` = json_extract(`webhook_deliveries`.`body`, '$.data.message_id'))
) WHERE json_valid(`body`);
