CREATE TABLE `check_ins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` integer NOT NULL,
	`day` text NOT NULL,
	`method` text NOT NULL,
	`checked_in_by` integer,
	`checked_in_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`checked_in_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `check_ins_registration_day_idx` ON `check_ins` (`registration_id`,`day`);--> statement-breakpoint
CREATE INDEX `check_ins_day_idx` ON `check_ins` (`day`,`checked_in_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `capacity` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `registration_opens_at` integer;--> statement-breakpoint
ALTER TABLE `events` ADD `registration_closes_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `alt_name` text;--> statement-breakpoint
ALTER TABLE `registrations` ADD `capacity_override` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `added_by` integer;