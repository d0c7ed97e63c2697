ALTER TABLE `speakers` ADD `source_id` integer REFERENCES sources(id);--> statement-breakpoint
-- custom: the article's people are real: mark them as named in it, take them off every session and draft, keep their quotes off sessions, and let no later write link them again (issue 11). A fresh database has none of these rows yet: the seed writes them as they should be.
UPDATE `speakers` SET `source_id` = (SELECT `id` FROM `sources` WHERE `title` = 'Industry experts address auto sector''s sustainability' AND `published_on` = '2024-07-25' ORDER BY `id` LIMIT 1) WHERE `slug` IN ('wang-yao', 'liu-jining', 'lu-fangzhou') AND `source_id` IS NULL;
--> statement-breakpoint
DELETE FROM `session_speakers` WHERE `speaker_id` IN (SELECT `id` FROM `speakers` WHERE `source_id` IS NOT NULL);
--> statement-breakpoint
UPDATE `session_drafts` SET `data` = json_set(`data`, '$.speakers', (SELECT json_group_array(json(`value`)) FROM json_each(`session_drafts`.`data`, '$.speakers') WHERE json_extract(`value`, '$.speakerId') NOT IN (SELECT `id` FROM `speakers` WHERE `source_id` IS NOT NULL))) WHERE EXISTS (SELECT 1 FROM json_each(`session_drafts`.`data`, '$.speakers') WHERE json_extract(`value`, '$.speakerId') IN (SELECT `id` FROM `speakers` WHERE `source_id` IS NOT NULL));
--> statement-breakpoint
UPDATE `quotes` SET `session_id` = NULL WHERE `speaker_id` IN (SELECT `id` FROM `speakers` WHERE `source_id` IS NOT NULL);
--> statement-breakpoint
CREATE TRIGGER `session_speakers_no_real_person_insert` BEFORE INSERT ON `session_speakers` WHEN (SELECT `source_id` FROM `speakers` WHERE `id` = NEW.`speaker_id`) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'A real person named in a source is never linked to a session.'); END;
--> statement-breakpoint
CREATE TRIGGER `session_speakers_no_real_person_update` BEFORE UPDATE OF `speaker_id` ON `session_speakers` WHEN (SELECT `source_id` FROM `speakers` WHERE `id` = NEW.`speaker_id`) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'A real person named in a source is never linked to a session.'); END;
--> statement-breakpoint
CREATE TRIGGER `speakers_real_person_on_session` BEFORE UPDATE OF `source_id` ON `speakers` WHEN NEW.`source_id` IS NOT NULL AND EXISTS (SELECT 1 FROM `session_speakers` WHERE `speaker_id` = NEW.`id`) BEGIN SELECT RAISE(ABORT, 'A person on a session cannot be marked as a real person named in a source.'); END;
--> statement-breakpoint
CREATE TRIGGER `quotes_real_person_no_session_insert` BEFORE INSERT ON `quotes` WHEN NEW.`session_id` IS NOT NULL AND (SELECT `source_id` FROM `speakers` WHERE `id` = NEW.`speaker_id`) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'The words of a real person are never attached to a session.'); END;
--> statement-breakpoint
CREATE TRIGGER `quotes_real_person_no_session_update` BEFORE UPDATE OF `session_id`, `speaker_id` ON `quotes` WHEN NEW.`session_id` IS NOT NULL AND (SELECT `source_id` FROM `speakers` WHERE `id` = NEW.`speaker_id`) IS NOT NULL BEGIN SELECT RAISE(ABORT, 'The words of a real person are never attached to a session.'); END;
--> statement-breakpoint
-- custom: what the article supports, for a database seeded before: the bios say what the article reports, not that anyone spoke.
UPDATE `speakers` SET `bio_en` = 'Deputy chief engineer of the China Association of Automobile Manufacturers. The article on the 2024 China Auto Forum reports what Wang Yao said about Internet-connected and intelligent new-energy vehicles.', `bio_zh` = '中国汽车工业协会副总工程师。关于2024中国汽车论坛的报道记述了Wang Yao就网联化、智能化新能源汽车所说的话。' WHERE `slug` = 'wang-yao' AND `bio_en` = 'Deputy chief engineer of the China Association of Automobile Manufacturers, who spoke at the 2024 China Auto Forum about connected and intelligent new-energy vehicles.';
--> statement-breakpoint
UPDATE `speakers` SET `bio_en` = 'Chief financial officer of Ji Yue Auto. The article on the 2024 China Auto Forum quotes Liu Jining on the export of software and intelligent features and on autonomous vehicles in Jiading.', `bio_zh` = '极越汽车首席财务官。关于2024中国汽车论坛的报道引述了Liu Jining关于软件与智能功能出海以及嘉定自动驾驶车辆的话。' WHERE `slug` = 'liu-jining' AND `bio_en` = 'Chief financial officer of Ji Yue Auto, who spoke at the 2024 China Auto Forum about exports of software and intelligent features and about autonomous vehicles in Jiading.';
--> statement-breakpoint
UPDATE `speakers` SET `bio_en` = 'Party secretary of Jiading. The article on the 2024 China Auto Forum reports, in its own words, what Lu Fangzhou said about the district''s development; it does not say that Lu Fangzhou spoke at the forum.', `bio_zh` = '嘉定区委书记。关于2024中国汽车论坛的报道以转述方式记述了Lu Fangzhou对嘉定发展的介绍；报道并未说明其曾在论坛上发言。' WHERE `slug` = 'lu-fangzhou' AND `bio_en` = 'Party secretary of Jiading, cited in the article on the district''s development as a core area of a global automobile industry hub.';
--> statement-breakpoint
-- custom: Lu Fangzhou is credited with the one sentence the article attributes to him.
UPDATE `quotes` SET `text` = 'The district has been accelerating its development as a core area of a global automobile industry hub.', `translation` = '嘉定正加快建设全球汽车产业中心核心区。' WHERE `kind` = 'paraphrase' AND `text` = 'The district has been accelerating its development as a core area of a global automobile industry hub, and has built high-quality industrial parks, including an Automotive Chip Valley and an Intelligent Vehicle Software Park.';
--> statement-breakpoint
-- custom: the Apollo Go words are two separately quoted sentences: the first stays in its row, the second gets its own, with the same speaker, source and topics.
INSERT INTO `quotes` (`speaker_id`, `session_id`, `source_id`, `kind`, `text`, `language`, `translation`, `said_on`) SELECT `speaker_id`, NULL, `source_id`, 'direct', 'However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.', 'en', '不过，如果你来嘉定，就会发现像Apollo Go这样的高级别自动驾驶车辆在街头随处可见。', `said_on` FROM `quotes` WHERE `text` = 'Recently, Apollo Go has captured the public’s interest … However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.';
--> statement-breakpoint
INSERT INTO `quote_topics` (`quote_id`, `topic_id`) SELECT (SELECT MAX(`id`) FROM `quotes` WHERE `text` = 'However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.'), `qt`.`topic_id` FROM `quote_topics` `qt` JOIN `quotes` `q` ON `q`.`id` = `qt`.`quote_id` WHERE `q`.`text` = 'Recently, Apollo Go has captured the public’s interest … However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.';
--> statement-breakpoint
UPDATE `quotes` SET `text` = 'Recently, Apollo Go has captured the public’s interest', `translation` = '最近，Apollo Go引起了公众的关注' WHERE `text` = 'Recently, Apollo Go has captured the public’s interest … However, if you visit Jiading, you’ll notice that high-level autonomous vehicles like Apollo Go are a common sight in the streets.';
--> statement-breakpoint
-- custom: the figures in the article's wording, its hedge ("Some 200") kept.
UPDATE `key_figures` SET `value` = 'Some 200', `value_zh` = '约200', `unit_en` = 'research and development platforms', `label_en` = 'Involved in the "new four modernizations" of the car industry, with more than 600 businesses', `label_zh` = '参与汽车产业“新四化”，参与的企业另有600余家' WHERE `slug` = 'jiading-platforms' AND `value` = '200';
--> statement-breakpoint
UPDATE `key_figures` SET `label_en` = 'China''s NEV sales in 2023, more than 60 percent of the global market share' WHERE `slug` = 'nev-sales-2023' AND `label_en` = 'China''s NEV sales in 2023, over 60 % of the global market';
--> statement-breakpoint
UPDATE `key_figures` SET `label_en` = 'NEV sales in the first half of 2024, up 32 percent year over year' WHERE `slug` = 'nev-sales-h1-2024' AND `label_en` = 'NEV sales in the first half of 2024, up 32 % year over year';
--> statement-breakpoint
-- custom: what the article reports Wang Yao saying before the quote ("These features …" refers to it), as the paraphrase it is.
INSERT INTO `quotes` (`speaker_id`, `session_id`, `source_id`, `kind`, `text`, `language`, `translation`, `said_on`) SELECT `speaker_id`, NULL, `source_id`, 'paraphrase', 'The majority of the new NEV models are now Internet-connected and intelligent.', 'en', '大多数新推出的新能源汽车车型如今已具备网联化和智能化功能。', NULL FROM `quotes` WHERE `text` = 'These features enhance the consumer experience and drive the long-term development of our NEVs.' AND NOT EXISTS (SELECT 1 FROM `quotes` WHERE `text` = 'The majority of the new NEV models are now Internet-connected and intelligent.') LIMIT 1;
--> statement-breakpoint
INSERT INTO `quote_topics` (`quote_id`, `topic_id`) SELECT `p`.`id`, `qt`.`topic_id` FROM `quotes` `p` JOIN `quotes` `d` ON `d`.`text` = 'These features enhance the consumer experience and drive the long-term development of our NEVs.' JOIN `quote_topics` `qt` ON `qt`.`quote_id` = `d`.`id` WHERE `p`.`text` = 'The majority of the new NEV models are now Internet-connected and intelligent.' AND NOT EXISTS (SELECT 1 FROM `quote_topics` WHERE `quote_id` = `p`.`id`);
--> statement-breakpoint
-- custom: the direct quotes word for word: the article closes these two with a comma before the attribution, not a full stop.
UPDATE `quotes` SET `text` = 'These features enhance the consumer experience and drive the long-term development of our NEVs' WHERE `text` = 'These features enhance the consumer experience and drive the long-term development of our NEVs.';
--> statement-breakpoint
UPDATE `quotes` SET `text` = 'Chinese car manufacturers will export not only vehicles but also software and intelligent features, allowing global consumers to experience the innovative appeal of China’s automotive industry' WHERE `text` = 'Chinese car manufacturers will export not only vehicles but also software and intelligent features, allowing global consumers to experience the innovative appeal of China’s automotive industry.';
--> statement-breakpoint
-- custom: the article gives Lu Fangzhou's office alone ("Party secretary of Jiading"); a separate organisation repeated it.
UPDATE `speakers` SET `organisation_en` = '', `organisation_zh` = '' WHERE `slug` = 'lu-fangzhou' AND `organisation_en` = 'Jiading District' AND `organisation_zh` = '嘉定区';
