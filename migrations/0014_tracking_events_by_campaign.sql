-- Campaign reports read a campaign's tracking events (stats, the chart, the recipient log's filters); without this
-- index each read scanned every workspace's events. Written by hand (drizzle-kit --custom): the index is not in
-- the drizzle schema, so never declare it there without IF NOT EXISTS.
CREATE INDEX IF NOT EXISTS `tracking_events_campaign_kind_time` ON `tracking_events` (`campaign_id`,`kind`,`occurred_at`);
