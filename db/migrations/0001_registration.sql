CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` integer,
	`kind` text NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`html` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` integer,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbox_status_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`manage_token` text NOT NULL,
	`status` text NOT NULL,
	`full_name` text NOT NULL,
	`email` text NOT NULL,
	`email_key` text,
	`organisation` text NOT NULL,
	`job_title` text NOT NULL,
	`phone` text,
	`category` text NOT NULL,
	`days` text NOT NULL,
	`dietary` text DEFAULT '' NOT NULL,
	`accessibility` text DEFAULT '' NOT NULL,
	`consent_news` integer DEFAULT false NOT NULL,
	`privacy_consent_at` integer NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`waitlisted_at` integer,
	`confirmed_at` integer,
	`cancelled_at` integer,
	`erased_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_code_unique` ON `registrations` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_manage_token_unique` ON `registrations` (`manage_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_email_key_unique` ON `registrations` (`email_key`);--> statement-breakpoint
CREATE INDEX `registrations_status_idx` ON `registrations` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `session_bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`registration_id` integer NOT NULL,
	`session_id` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `session_bookings_unique_idx` ON `session_bookings` (`registration_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `session_bookings_session_idx` ON `session_bookings` (`session_id`,`status`,`id`);