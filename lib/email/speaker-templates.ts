/** The speakers' emails about their portal, in English and Simplified Chinese, as the attendees' are. */
import { editionValues, type EditionFacts } from "../edition";
import type { SpeakerEmailKind } from "./kinds";
import { oneLine, toHtml, toText, type Block, type Forum, type RenderedEmail } from "./templates";

export type SpeakerEmailData = {
  locale: "en" | "zh-CN";
  name: string;
  /** The speaker's portal: the sign-in link for an invitation, the portal's address otherwise. */
  url: string;
  /** The last day the link works, as the speaker reads it (an invitation). */
  validUntil?: string;
  /** The organizer's note when a change is sent back. */
  note?: string | null;
  /** The session's title, in the speaker's language (materials). */
  session?: string;
};

type Copy = { subject: string; blocks: Block[] };

function enCopy(kind: SpeakerEmailKind, d: SpeakerEmailData, f: Forum): Copy {
  const greeting: Block = { type: "p", text: `Dear ${d.name},` };
  switch (kind) {
    case "speaker-invitation":
      return {
        subject: `Your speaker page at the ${f.name}`,
        blocks: [
          greeting,
          { type: "p", text: `The organisers of the ${f.name} invite you to look after your speaker page: your biography in English and Chinese, your affiliation, your photo and your public links.` },
          { type: "p", text: "Nothing you change is published until the organisers have approved it." },
          { type: "link", lead: `Open your speaker page with this personal link${d.validUntil ? ` (it works until ${d.validUntil})` : ""}:`, label: "Open my speaker page", url: d.url },
          { type: "note", text: "This link is personal: anyone who has it can propose changes to your page, so please do not forward this email." },
        ],
      };
    case "speaker-approved":
      return {
        subject: `Your speaker page at the ${f.name} has been updated`,
        blocks: [
          greeting,
          { type: "p", text: "The organisers have approved the changes you proposed: your public speaker page now shows them." },
          { type: "link", lead: "Your speaker page:", label: "Open my speaker page", url: d.url },
        ],
      };
    case "speaker-returned":
      return {
        subject: `About the changes to your speaker page at the ${f.name}`,
        blocks: [
          greeting,
          { type: "p", text: "The organisers have sent the changes you proposed back to you. Your public page has not changed." },
          ...(d.note ? [{ type: "facts" as const, rows: [["Their note", d.note] as [string, string]] }] : []),
          { type: "link", lead: "You can edit your proposal and send it again here:", label: "Open my speaker page", url: d.url },
        ],
      };
    case "speaker-materials-approved":
      return {
        subject: `Your materials for “${d.session ?? ""}” have been approved`,
        blocks: [
          greeting,
          { type: "p", text: `The organisers have approved the slides, recording and consent you proposed for “${d.session ?? ""}”. The session page shows what you agreed to publish.` },
          { type: "link", lead: "Your speaker page:", label: "Open my speaker page", url: d.url },
        ],
      };
    case "speaker-materials-returned":
      return {
        subject: `About your materials for “${d.session ?? ""}”`,
        blocks: [
          greeting,
          { type: "p", text: `The organisers have sent back the materials you proposed for “${d.session ?? ""}”. The session page has not changed.` },
          ...(d.note ? [{ type: "facts" as const, rows: [["Their note", d.note] as [string, string]] }] : []),
          { type: "link", lead: "You can change your proposal and send it again here:", label: "Open my speaker page", url: d.url },
        ],
      };
  }
}

function zhCopy(kind: SpeakerEmailKind, d: SpeakerEmailData, f: Forum): Copy {
  const greeting: Block = { type: "p", text: `尊敬的${d.name}：` };
  switch (kind) {
    case "speaker-invitation":
      return {
        subject: `${f.name}：您的演讲嘉宾页面`,
        blocks: [
          greeting,
          { type: "p", text: `${f.name}主办方邀请您维护自己的演讲嘉宾页面：中英文个人简介、所属机构、照片和公开链接。` },
          { type: "p", text: "您所做的任何修改都须经主办方审核通过后才会公开。" },
          { type: "link", lead: `请通过以下专属链接打开您的嘉宾页面${d.validUntil ? `（有效期至${d.validUntil}）` : ""}：`, label: "打开我的嘉宾页面", url: d.url },
          { type: "note", text: "此链接为您的专属链接：任何获得该链接的人都可以对您的页面提出修改，请勿转发本邮件。" },
        ],
      };
    case "speaker-approved":
      return {
        subject: `${f.name}：您的嘉宾页面已更新`,
        blocks: [
          greeting,
          { type: "p", text: "主办方已审核通过您提交的修改，您的公开嘉宾页面现已显示这些内容。" },
          { type: "link", lead: "您的嘉宾页面：", label: "打开我的嘉宾页面", url: d.url },
        ],
      };
    case "speaker-returned":
      return {
        subject: `${f.name}：关于您嘉宾页面的修改`,
        blocks: [
          greeting,
          { type: "p", text: "主办方已将您提交的修改退回，您的公开页面未作更改。" },
          ...(d.note ? [{ type: "facts" as const, rows: [["主办方留言", d.note] as [string, string]] }] : []),
          { type: "link", lead: "您可以在此修改后重新提交：", label: "打开我的嘉宾页面", url: d.url },
        ],
      };
    case "speaker-materials-approved":
      return {
        subject: `${f.name}：您为“${d.session ?? ""}”提交的资料已通过审核`,
        blocks: [
          greeting,
          { type: "p", text: `主办方已审核通过您为“${d.session ?? ""}”提交的演示文稿、录像和公开许可。会议场次页面将显示您同意公开的内容。` },
          { type: "link", lead: "您的嘉宾页面：", label: "打开我的嘉宾页面", url: d.url },
        ],
      };
    case "speaker-materials-returned":
      return {
        subject: `${f.name}：关于您为“${d.session ?? ""}”提交的资料`,
        blocks: [
          greeting,
          { type: "p", text: `主办方已将您为“${d.session ?? ""}”提交的资料退回，会议场次页面未作更改。` },
          ...(d.note ? [{ type: "facts" as const, rows: [["主办方留言", d.note] as [string, string]] }] : []),
          { type: "link", lead: "您可以在此修改后重新提交：", label: "打开我的嘉宾页面", url: d.url },
        ],
      };
  }
}

export function renderSpeakerEmail(kind: SpeakerEmailKind, data: SpeakerEmailData, edition: EditionFacts): RenderedEmail {
  const locale = data.locale === "zh-CN" ? "zh-CN" : "en";
  const clean: SpeakerEmailData = {
    ...data,
    locale,
    name: oneLine(data.name),
    url: oneLine(data.url),
    validUntil: data.validUntil === undefined ? undefined : oneLine(data.validUntil),
    // A note keeps its words, not its line breaks: it is shown as one row.
    note: data.note == null ? null : oneLine(data.note),
    session: data.session === undefined ? undefined : oneLine(data.session),
  };
  const forum = editionValues(edition, locale);
  const copy = locale === "zh-CN" ? zhCopy(kind, clean, forum) : enCopy(kind, clean, forum);
  const subject = oneLine(copy.subject);
  return { subject, text: toText(copy.blocks, locale), html: toHtml(copy.blocks, locale, subject, forum) };
}
