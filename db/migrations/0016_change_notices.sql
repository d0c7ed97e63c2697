CREATE TABLE `change_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`schedule_version_id` integer NOT NULL,
	`registration_id` integer NOT NULL,
	`outbox_id` integer,
	`session_ids` text NOT NULL,
	`rendered_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`schedule_version_id`) REFERENCES `schedule_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `change_notices_version_registration_idx` ON `change_notices` (`schedule_version_id`,`registration_id`);--> statement-breakpoint
CREATE INDEX `change_notices_registration_idx` ON `change_notices` (`registration_id`);--> statement-breakpoint
CREATE INDEX `change_notices_pending_idx` ON `change_notices` (`rendered_at`,`id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `attachments` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `notices_token_hash` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `notices_token_seed` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `change_notices_off_at` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_notices_token_hash_unique` ON `registrations` (`notices_token_hash`);