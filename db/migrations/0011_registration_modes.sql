CREATE TABLE `invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`max_uses` integer NOT NULL,
	`created_by` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_code_unique` ON `invitations` (`code`);--> statement-breakpoint
CREATE TABLE `registration_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`address_key` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `registration_attempts_key_idx` ON `registration_attempts` (`address_key`,`created_at`);--> statement-breakpoint
CREATE INDEX `registration_attempts_created_idx` ON `registration_attempts` (`created_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `registration_mode` text;--> statement-breakpoint
ALTER TABLE `events` ADD `hold_minutes` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `pending_for` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `pending_until` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `holds_seat` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `invitation_id` integer REFERENCES invitations(id);--> statement-breakpoint
CREATE INDEX `registrations_pending_idx` ON `registrations` (`status`,`pending_until`);--> statement-breakpoint
CREATE INDEX `registrations_invitation_idx` ON `registrations` (`invitation_id`,`status`);