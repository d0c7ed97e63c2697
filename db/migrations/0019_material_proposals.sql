CREATE TABLE `session_material_proposals` (
	`session_id` integer PRIMARY KEY NOT NULL,
	`event_id` integer NOT NULL,
	`speaker_id` integer NOT NULL,
	`status` text NOT NULL,
	`slides_file` text,
	`slides_bytes` integer,
	`slides_pages` integer,
	`slides_preview` text,
	`recording_url` text,
	`slides_consent` integer DEFAULT false NOT NULL,
	`recording_consent` integer DEFAULT false NOT NULL,
	`note` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
