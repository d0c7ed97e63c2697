-- Editions: every row that belongs to one forum names its edition. Columns that must not be null are
-- added with a placeholder default (0, no such edition: an insert that forgets the edition fails its
-- foreign key), then filled with the one edition a database made before this migration holds.
-- migrateConnection runs migrations with foreign keys off, as SQLite requires for these ALTERs.
ALTER TABLE `events` ADD `path` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `events` ADD `is_current` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- "caf2024" is found at /en/2024/…
UPDATE `events` SET `path` = CASE WHEN ltrim(`slug`, 'abcdefghijklmnopqrstuvwxyz-_') = '' THEN `slug` ELSE ltrim(`slug`, 'abcdefghijklmnopqrstuvwxyz-_') END;--> statement-breakpoint
UPDATE `events` SET `is_current` = 1 WHERE `id` = (SELECT min(`id`) FROM `events`);--> statement-breakpoint
CREATE UNIQUE INDEX `events_path_unique` ON `events` (`path`);--> statement-breakpoint
CREATE UNIQUE INDEX `events_current_idx` ON `events` (`is_current`) WHERE "events"."is_current" = 1;--> statement-breakpoint
DROP INDEX `key_figures_slug_idx`;--> statement-breakpoint
ALTER TABLE `key_figures` ADD `event_id` integer DEFAULT 0 NOT NULL REFERENCES events(id);--> statement-breakpoint
UPDATE `key_figures` SET `event_id` = (SELECT min(`id`) FROM `events`);--> statement-breakpoint
CREATE UNIQUE INDEX `key_figures_event_slug_idx` ON `key_figures` (`event_id`,`slug`);--> statement-breakpoint
DROP INDEX `registrations_email_key_unique`;--> statement-breakpoint
ALTER TABLE `registrations` ADD `event_id` integer DEFAULT 0 NOT NULL REFERENCES events(id);--> statement-breakpoint
UPDATE `registrations` SET `event_id` = (SELECT min(`id`) FROM `events`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_event_email_idx` ON `registrations` (`event_id`,`email_key`);--> statement-breakpoint
CREATE INDEX `registrations_event_status_idx` ON `registrations` (`event_id`,`status`,`id`);--> statement-breakpoint
DROP INDEX `rooms_slug_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_event_slug_idx` ON `rooms` (`event_id`,`slug`);--> statement-breakpoint
DROP INDEX `schedule_versions_number_unique`;--> statement-breakpoint
ALTER TABLE `schedule_versions` ADD `event_id` integer DEFAULT 0 NOT NULL REFERENCES events(id);--> statement-breakpoint
UPDATE `schedule_versions` SET `event_id` = (SELECT min(`id`) FROM `events`);--> statement-breakpoint
CREATE UNIQUE INDEX `schedule_versions_event_number_idx` ON `schedule_versions` (`event_id`,`number`);--> statement-breakpoint
DROP INDEX `sessions_slug_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_event_slug_idx` ON `sessions` (`event_id`,`slug`);--> statement-breakpoint
CREATE INDEX `sessions_event_starts_at_idx` ON `sessions` (`event_id`,`starts_at`);--> statement-breakpoint
DROP INDEX `tracks_slug_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `tracks_event_slug_idx` ON `tracks` (`event_id`,`slug`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `event_id` integer REFERENCES events(id);--> statement-breakpoint
-- Users, speakers and sources belong to no edition; everything else audited so far to the one there was.
UPDATE `audit_log` SET `event_id` = (SELECT min(`id`) FROM `events`) WHERE `entity` NOT IN ('user', 'speaker', 'source');--> statement-breakpoint
CREATE INDEX `audit_event_idx` ON `audit_log` (`event_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `invitations` ADD `event_id` integer DEFAULT 0 NOT NULL REFERENCES events(id);--> statement-breakpoint
UPDATE `invitations` SET `event_id` = (SELECT min(`id`) FROM `events`);--> statement-breakpoint
ALTER TABLE `quotes` ADD `event_id` integer DEFAULT 0 NOT NULL REFERENCES events(id);--> statement-breakpoint
-- A quote said in a session belongs to that session's edition.
UPDATE `quotes` SET `event_id` = coalesce((SELECT `event_id` FROM `sessions` WHERE `sessions`.`id` = `quotes`.`session_id`), (SELECT min(`id`) FROM `events`));--> statement-breakpoint
CREATE INDEX `quotes_event_idx` ON `quotes` (`event_id`);
