ALTER TABLE `registrations` RENAME COLUMN "manage_token" TO "manage_token_hash";--> statement-breakpoint
ALTER TABLE `registrations` RENAME COLUMN "calendar_token" TO "calendar_token_hash";--> statement-breakpoint
DROP INDEX `registrations_manage_token_unique`;--> statement-breakpoint
DROP INDEX `registrations_calendar_token_unique`;--> statement-breakpoint
ALTER TABLE `registrations` ADD `manage_token_seed` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `calendar_token_seed` text;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_manage_token_hash_unique` ON `registrations` (`manage_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_calendar_token_hash_unique` ON `registrations` (`calendar_token_hash`);--> statement-breakpoint
-- custom: tokens made before this migration were stored as they are; keep only their SHA-256 (hex). forum_sha256 is the function db/migrate.ts registers on the connection that migrates, since SQLite has none.
UPDATE `registrations` SET `manage_token_hash` = forum_sha256(`manage_token_hash`) WHERE length(`manage_token_hash`) <> 64;--> statement-breakpoint
UPDATE `registrations` SET `calendar_token_hash` = forum_sha256(`calendar_token_hash`) WHERE `calendar_token_hash` IS NOT NULL AND length(`calendar_token_hash`) <> 64;
