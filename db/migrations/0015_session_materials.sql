CREATE TABLE `session_materials` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`slides_file` text,
	`slides_bytes` integer,
	`slides_pages` integer,
	`slides_preview` text,
	`slides_published` integer DEFAULT false NOT NULL,
	`recording_url` text,
	`recording_file` text,
	`recording_bytes` integer,
	`recording_seconds` integer,
	`recording_published` integer DEFAULT false NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `quotes` ADD `recording_offset` integer;