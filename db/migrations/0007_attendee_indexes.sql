CREATE INDEX `registrations_name_idx` ON `registrations` (`full_name`);--> statement-breakpoint
CREATE INDEX `registrations_organisation_idx` ON `registrations` (`organisation`);--> statement-breakpoint
CREATE INDEX `registrations_category_idx` ON `registrations` (`category`,`id`);