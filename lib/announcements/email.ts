/** An announcement as one person receives it: their language, the organizer's words, the forum's frame. */
import { composeEmail, oneLine, type Block, type RenderedEmail } from "../email/templates";
import type { EditionFacts } from "../edition";
import type { AnnouncementKind } from "./audience";
import type { AnnouncementText } from "./input";

const COPY = {
  en: {
    greeting: (name: string) => `Dear ${name},`,
    news: "You receive this news because you asked to hear from the forum when you registered.",
    service: "This is a service message about the forum you are registered for or speak at.",
    test: "Test: this is how the announcement will look. It was sent to you alone.",
  },
  "zh-CN": {
    greeting: (name: string) => `尊敬的${name}：`,
    news: "您在报名时选择了接收论坛资讯，因此收到本邮件。",
    service: "这是关于您报名参加或担任演讲嘉宾的论坛的服务通知。",
    test: "测试邮件：公告发送后将如此显示。本邮件仅发给您本人。",
  },
} as const;

/** Paragraphs as the organizer separated them with a blank line; single line breaks stay within one. */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export function renderAnnouncement(input: {
  locale: "en" | "zh-CN";
  /** Null for a greeting-less email (a test to the organizer). */
  name: string | null;
  kind: AnnouncementKind;
  text: AnnouncementText;
  edition: EditionFacts;
  test?: boolean;
}): RenderedEmail {
  const copy = COPY[input.locale];
  const zh = input.locale === "zh-CN";
  const subject = zh ? input.text.subjectZh : input.text.subjectEn;
  const body = zh ? input.text.bodyZh : input.text.bodyEn;
  const blocks: Block[] = [];
  if (input.test) blocks.push({ type: "note", text: copy.test });
  if (input.name) blocks.push({ type: "p", text: copy.greeting(oneLine(input.name)) });
  for (const p of paragraphs(body)) blocks.push({ type: "p", text: p });
  blocks.push({ type: "note", text: copy[input.kind] });
  return composeEmail(input.locale, input.test ? `[TEST] ${subject}` : subject, blocks, input.edition);
}
