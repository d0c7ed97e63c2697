CREATE TABLE `speaker_invitations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`speaker_id` integer NOT NULL,
	`email` text NOT NULL,
	`locale` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `speaker_invitations_token_hash_unique` ON `speaker_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `speaker_invitations_speaker_idx` ON `speaker_invitations` (`speaker_id`,`id`);--> statement-breakpoint
CREATE TABLE `speaker_profile_drafts` (
	`speaker_id` integer PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`note` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `speakers` ADD `website_url` text;--> statement-breakpoint
ALTER TABLE `speakers` ADD `linkedin_url` text;--> statement-breakpoint
ALTER TABLE `speakers` ADD `weibo_url` text;--> statement-breakpoint
ALTER TABLE `speakers` ADD `wechat_account` text;