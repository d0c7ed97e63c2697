ALTER TABLE `events` ADD `intro_en` text;--> statement-breakpoint
ALTER TABLE `events` ADD `intro_zh` text;--> statement-breakpoint
ALTER TABLE `events` ADD `archived_at` integer;--> statement-breakpoint
UPDATE `events` SET `intro_en` = 'Over 200 industry leaders and professionals meet to talk about the sustainable and high-quality development of the auto sector.', `intro_zh` = '200余位行业领袖和专业人士齐聚一堂，共话汽车产业可持续、高质量发展。' WHERE `slug` = 'caf2024';
