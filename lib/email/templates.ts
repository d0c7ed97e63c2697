/** The attendee emails in English and Simplified Chinese, each as a subject, a plain text and an HTML body. */
import { editionValues, type EditionFacts } from "../edition";
import type { TemplateKind } from "./kinds";

export type EmailData = {
  locale: "en" | "zh-CN";
  fullName: string;
  code: string;
  manageUrl: string;
  position?: number | null;
  sessionTitle?: string | null;
  /** For a registration to confirm: the minutes its link has left. */
  minutesLeft?: number | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

type Locale = EmailData["locale"];

/** The pieces of a body; each is written once and rendered both as text and as HTML. */
export type Block =
  | { type: "p"; text: string }
  | { type: "heading"; text: string }
  | { type: "facts"; rows: [label: string, value: string][] }
  | { type: "link"; lead: string; label: string; url: string }
  /** A link that is not the email's purpose (stopping such emails): small, not a button. */
  | { type: "minor-link"; lead: string; label: string; url: string }
  | { type: "note"; text: string };

type Copy = { subject: string; blocks: Block[] };

/** The forum's name, dates and venue in the email's language, from the edition's row. */
export type Forum = { name: string; dates: string; venue: string };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Line breaks in a subject would start new mail headers, and in a greeting they only look broken. */
export function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ").trim();
}

function positionOf(data: EmailData): number | null {
  const p = data.position;
  return typeof p === "number" && Number.isInteger(p) && p > 0 ? p : null;
}

function minutesOf(data: EmailData): number | null {
  const m = data.minutesLeft;
  return typeof m === "number" && Number.isInteger(m) && m > 0 ? m : null;
}

function enCopy(kind: TemplateKind, d: EmailData, f: Forum): Copy {
  const facts: Block = {
    type: "facts",
    rows: [
      ["Registration code", d.code],
      ["Dates", f.dates],
      ["Venue", f.venue],
    ],
  };
  const keepPrivate: Block = {
    type: "note",
    text: "This link is personal: anyone who has it can change or cancel your registration, so please do not forward this email.",
  };
  const manage = (lead: string, label = "Manage my registration"): Block => ({ type: "link", lead, label, url: d.manageUrl });
  const greeting: Block = { type: "p", text: `Dear ${d.fullName},` };
  const position = positionOf(d);

  switch (kind) {
    case "confirmation":
      return {
        subject: `Your place at the ${f.name} is confirmed (${d.code})`,
        blocks: [
          greeting,
          { type: "p", text: `Thank you for registering. Your place at the ${f.name} is confirmed.` },
          facts,
          manage(
            "Your ticket, with the QR code we scan at the entrance, is on your registration page. You can also update your details or cancel there:",
            "View my ticket",
          ),
          keepPrivate,
          { type: "p", text: `We look forward to welcoming you in ${f.venue}.` },
        ],
      };
    case "waiting":
      return {
        subject: `You are on the waiting list for the ${f.name} (${d.code})`,
        blocks: [
          greeting,
          {
            type: "p",
            text:
              `Thank you for registering for the ${f.name}. All seats are taken at the moment, so we have put you on the waiting list` +
              (position === null ? "." : ` in position ${position}.`),
          },
          { type: "p", text: "If a seat becomes free, we will confirm your registration and let you know by email straight away." },
          facts,
          manage("You can check your place, update your details or leave the waiting list here:", "Check my registration"),
          keepPrivate,
        ],
      };
    case "promotion":
      return {
        subject: `Good news: your place at the ${f.name} is confirmed (${d.code})`,
        blocks: [
          greeting,
          { type: "p", text: `A seat has become free, and you have moved up from the waiting list: your place at the ${f.name} is now confirmed.` },
          facts,
          manage(
            "Your ticket, with the QR code we scan at the entrance, is on your registration page. If you can no longer come, please cancel there so that the next person on the list can have your seat:",
            "View my ticket",
          ),
          keepPrivate,
          { type: "p", text: `We look forward to welcoming you in ${f.venue}.` },
        ],
      };
    case "cancellation":
      return {
        subject: `Your registration for the ${f.name} has been cancelled (${d.code})`,
        blocks: [
          greeting,
          { type: "p", text: `Your registration for the ${f.name} (code ${d.code}) has been cancelled, and your seat has been released.` },
          manage("Your registration page still shows its status:", "View my registration"),
          { type: "p", text: "If you did not cancel it yourself, please contact the forum organisers." },
        ],
      };
    case "manage-link":
      return {
        subject: `Your existing registration for the ${f.name} (${d.code})`,
        blocks: [
          greeting,
          {
            type: "p",
            text: `Someone, probably you, has just tried to register for the ${f.name} with this email address. The address is already registered (code ${d.code}), so no second registration was made.`,
          },
          manage("To see or change your existing registration, use your personal link:"),
          keepPrivate,
          { type: "p", text: "If this wasn't you, you can ignore this email: nothing has changed." },
        ],
      };
    case "confirm-request": {
      const minutes = minutesOf(d);
      return {
        subject: `Please confirm your registration for the ${f.name} (${d.code})`,
        blocks: [
          greeting,
          {
            type: "p",
            text:
              `Thank you for registering for the ${f.name}. To complete your registration, open the link below and press “Confirm my registration”` +
              (minutes === null ? "." : ` within ${minutes} minutes: until then we hold your seat, and after that the registration lapses.`),
          },
          facts,
          manage("Confirm your registration here:", "Confirm my registration"),
          keepPrivate,
          { type: "p", text: "If you did not register, you can ignore this email: without confirmation nothing is kept." },
        ],
      };
    }
    case "approval-request":
      return {
        subject: `We have received your registration for the ${f.name} (${d.code})`,
        blocks: [
          greeting,
          { type: "p", text: `Thank you for registering for the ${f.name}. The organisers review every registration, and we will email you as soon as they have decided.` },
          facts,
          manage("You can check the status of your registration here:", "Check my registration"),
          keepPrivate,
        ],
      };
    case "approved":
      return {
        subject: `Your registration for the ${f.name} has been approved (${d.code})`,
        blocks: [
          greeting,
          { type: "p", text: `The organisers have approved your registration: your place at the ${f.name} is confirmed.` },
          facts,
          manage("Your ticket, with the QR code we scan at the entrance, is on your registration page:", "View my ticket"),
          keepPrivate,
        ],
      };
    case "declined":
      return {
        subject: `Your registration for the ${f.name} (${d.code})`,
        blocks: [
          greeting,
          { type: "p", text: `Thank you for your interest in the ${f.name}. We are sorry: the organisers were not able to accept your registration (code ${d.code}).` },
          manage("Your registration page shows its status:", "View my registration"),
          { type: "p", text: "If you believe this is a mistake, please contact the forum organisers." },
        ],
      };
    case "session-promotion": {
      const title = d.sessionTitle ?? "";
      return {
        subject: `A seat has come free: you are booked for “${title}” (${d.code})`,
        blocks: [
          greeting,
          {
            type: "p",
            text: `A seat has become free in “${title}”, a session with limited seating at the ${f.name}. You were next on its waiting list, so you are now booked for it.`,
          },
          {
            type: "facts",
            rows: [
              ["Session", title],
              ["Registration code", d.code],
            ],
          },
          manage(
            "Your bookings are listed on your registration page. If you can no longer attend this session, please cancel the booking there so that someone else can have the seat:",
            "View my bookings",
          ),
          keepPrivate,
        ],
      };
    }
    case "link-replaced":
      return {
        subject: `Your new personal link for the ${f.name} (${d.code})`,
        blocks: [
          greeting,
          {
            type: "p",
            text: `The personal link to your registration (code ${d.code}) has just been replaced on your registration page. The old link no longer works.`,
          },
          manage("Your new personal link:", "View my registration"),
          keepPrivate,
          { type: "p", text: "If you did not replace it yourself, please contact the forum organisers." },
        ],
      };
  }
}

function zhCopy(kind: TemplateKind, d: EmailData, f: Forum): Copy {
  const facts: Block = {
    type: "facts",
    rows: [
      ["报名编号", d.code],
      ["会议日期", f.dates],
      ["会议地点", f.venue],
    ],
  };
  const keepPrivate: Block = {
    type: "note",
    text: "此链接仅供您本人使用，持有该链接的任何人都可以修改或取消您的报名，请勿转发本邮件。",
  };
  const manage = (lead: string, label = "管理我的报名"): Block => ({ type: "link", lead, label, url: d.manageUrl });
  const greeting: Block = { type: "p", text: `尊敬的${d.fullName}：` };
  const position = positionOf(d);

  switch (kind) {
    case "confirmation":
      return {
        subject: `${f.name}：您的报名已确认（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `感谢您报名参加${f.name}，您的席位已确认。` },
          facts,
          manage("您的电子门票（含入场时扫描的二维码）可在报名管理页面查看，您也可以在该页面修改报名信息或取消报名：", "查看电子门票"),
          keepPrivate,
          { type: "p", text: `期待与您在${f.venue}相见！` },
        ],
      };
    case "waiting":
      return {
        subject: `${f.name}：您已进入候补名单（${d.code}）`,
        blocks: [
          greeting,
          {
            type: "p",
            text:
              `感谢您报名参加${f.name}。目前席位已满，您已进入候补名单` +
              (position === null ? "。" : `，当前排在第${position}位。`),
          },
          { type: "p", text: "一旦有席位空出，我们将为您确认报名，并第一时间通过邮件通知您。" },
          facts,
          manage("您可以随时在以下页面查看候补情况、修改报名信息或退出候补：", "查看我的报名"),
          keepPrivate,
        ],
      };
    case "promotion":
      return {
        subject: `好消息：您的${f.name}报名已确认（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `有席位空出，您已由候补转为正式参会者，${f.name}的席位现已确认。` },
          facts,
          manage(
            "您的电子门票（含入场时扫描的二维码）可在报名管理页面查看。如您无法出席，请在该页面取消报名，以便将席位让给候补名单上的下一位：",
            "查看电子门票",
          ),
          keepPrivate,
          { type: "p", text: `期待与您在${f.venue}相见！` },
        ],
      };
    case "cancellation":
      return {
        subject: `${f.name}：您的报名已取消（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `您的${f.name}报名（报名编号：${d.code}）已取消，席位已释放。` },
          manage("您仍可在报名管理页面查看报名状态：", "查看我的报名"),
          { type: "p", text: "如取消并非您本人操作，请与论坛主办方联系。" },
        ],
      };
    case "manage-link":
      return {
        subject: `${f.name}：您已有的报名（${d.code}）`,
        blocks: [
          greeting,
          {
            type: "p",
            text: `刚才有人（很可能是您本人）使用此邮箱地址报名${f.name}。该邮箱已经报名（报名编号：${d.code}），因此系统没有重复登记。`,
          },
          manage("如需查看或修改您已有的报名，请使用您的专属链接："),
          keepPrivate,
          { type: "p", text: "如果这不是您本人操作，请忽略本邮件，您的报名不会有任何变化。" },
        ],
      };
    case "confirm-request": {
      const minutes = minutesOf(d);
      return {
        subject: `${f.name}：请确认您的报名（${d.code}）`,
        blocks: [
          greeting,
          {
            type: "p",
            text:
              `感谢您报名参加${f.name}。请打开以下链接并点击“确认报名”以完成报名` +
              (minutes === null ? "。" : `。请在${minutes}分钟内确认：在此之前我们为您保留席位，逾时报名将自动失效。`),
          },
          facts,
          manage("请在此确认您的报名：", "确认报名"),
          keepPrivate,
          { type: "p", text: "如果您没有报名，请忽略本邮件：未经确认的报名不会保留。" },
        ],
      };
    }
    case "approval-request":
      return {
        subject: `${f.name}：我们已收到您的报名（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `感谢您报名参加${f.name}。主办方会逐一审核报名，审核结果将通过邮件通知您。` },
          facts,
          manage("您可以在以下页面查看报名状态：", "查看我的报名"),
          keepPrivate,
        ],
      };
    case "approved":
      return {
        subject: `${f.name}：您的报名已通过审核（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `主办方已通过您的报名，您的${f.name}席位已确认。` },
          facts,
          manage("您的电子门票（含入场时扫描的二维码）可在报名管理页面查看：", "查看电子门票"),
          keepPrivate,
        ],
      };
    case "declined":
      return {
        subject: `${f.name}：关于您的报名（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `感谢您对${f.name}的关注。很抱歉，主办方未能接受您的报名（报名编号：${d.code}）。` },
          manage("您可在报名管理页面查看报名状态：", "查看我的报名"),
          { type: "p", text: "如您认为有误，请与论坛主办方联系。" },
        ],
      };
    case "session-promotion": {
      const title = d.sessionTitle ?? "";
      return {
        subject: `有席位空出：您已成功预订“${title}”（${d.code}）`,
        blocks: [
          greeting,
          {
            type: "p",
            text: `${f.name}限额场次“${title}”有席位空出。您在该场次候补名单上排在首位，现已为您预订成功。`,
          },
          {
            type: "facts",
            rows: [
              ["场次", title],
              ["报名编号", d.code],
            ],
          },
          manage("您预订的场次列在报名管理页面上。如您无法出席该场次，请在该页面取消预订，以便将席位让给其他参会者：", "查看我的预订"),
          keepPrivate,
        ],
      };
    }
    case "link-replaced":
      return {
        subject: `${f.name}：您的新专属链接（${d.code}）`,
        blocks: [
          greeting,
          { type: "p", text: `您报名（报名编号：${d.code}）的专属链接刚刚在报名管理页面上更换，原链接已失效。` },
          manage("您的新专属链接：", "查看我的报名"),
          keepPrivate,
          { type: "p", text: "如更换并非您本人操作，请与论坛主办方联系。" },
        ],
      };
  }
}

const SIGNATURE = { en: "2024 China Auto Forum", "zh-CN": "2024中国汽车论坛" } as const;

export function toText(blocks: Block[], locale: Locale): string {
  const colon = locale === "en" ? ": " : "：";
  const parts = blocks.map((b) => {
    switch (b.type) {
      case "p":
      case "heading":
      case "note":
        return b.text;
      case "facts":
        return b.rows.map(([label, value]) => `${label}${colon}${value}`).join("\n");
      case "link":
      case "minor-link":
        return `${b.lead}\n${b.url}`;
    }
  });
  return [...parts, SIGNATURE[locale]].join("\n\n") + "\n";
}

const FONT = `-apple-system, "Segoe UI", Roboto, Helvetica, Arial, "PingFang SC", "Microsoft YaHei", sans-serif`;

export function toHtml(blocks: Block[], locale: Locale, subject: string, f: Forum): string {
  const body = blocks
    .map((b) => {
      switch (b.type) {
        case "p":
          return `<p style="margin:0 0 16px;">${escapeHtml(b.text)}</p>`;
        case "heading":
          return `<p style="margin:20px 0 4px;font-weight:600;">${escapeHtml(b.text)}</p>`;
        case "note":
          return `<p style="margin:0 0 16px;font-size:13px;color:#52606d;">${escapeHtml(b.text)}</p>`;
        case "minor-link":
          return `<p style="margin:16px 0 0;font-size:13px;color:#52606d;">${escapeHtml(b.lead)} <a href="${escapeHtml(b.url)}" style="color:#0b5cad;">${escapeHtml(b.label)}</a></p>`;
        case "facts":
          return (
            `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;">` +
            b.rows
              .map(
                ([label, value]) =>
                  `<tr><td style="padding:2px 16px 2px 0;color:#52606d;">${escapeHtml(label)}</td>` +
                  `<td style="padding:2px 0;font-weight:600;">${escapeHtml(value)}</td></tr>`,
              )
              .join("") +
            `</table>`
          );
        case "link": {
          const href = escapeHtml(b.url);
          return (
            `<p style="margin:0 0 12px;">${escapeHtml(b.lead)}</p>` +
            `<p style="margin:0 0 12px;"><a href="${href}" style="display:inline-block;padding:10px 20px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;">${escapeHtml(b.label)}</a></p>` +
            `<p style="margin:0 0 16px;font-size:13px;color:#52606d;word-break:break-all;"><a href="${href}" style="color:#0b5cad;">${href}</a></p>`
          );
        }
      }
    })
    .join("\n");

  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px 12px;background:#f4f5f7;">
<div style="max-width:560px;margin:0 auto;padding:24px 28px;background:#ffffff;border-radius:8px;font-family:${escapeHtml(FONT)};font-size:15px;line-height:1.6;color:#1f2933;">
<p style="margin:0 0 20px;font-size:13px;color:#52606d;">${escapeHtml(`${f.name} · ${f.dates} · ${f.venue}`)}</p>
${body}
<p style="margin:24px 0 0;color:#52606d;">${escapeHtml(SIGNATURE[locale])}</p>
</div>
</body>
</html>
`;
}

/**
 * An email written elsewhere as blocks (a change notice), rendered like every other: the same
 * header with the edition's name, dates and venue, and the same signature.
 */
export function composeEmail(locale: Locale, subject: string, blocks: Block[], edition: EditionFacts): RenderedEmail {
  const forum = editionValues(edition, locale);
  const clean = oneLine(subject);
  return { subject: clean, text: toText(blocks, locale), html: toHtml(blocks, locale, clean, forum) };
}

/** `edition`: the forum the email is about, as its row states it. */
export function renderEmail(kind: TemplateKind, data: EmailData, edition: EditionFacts): RenderedEmail {
  const locale: Locale = data.locale === "zh-CN" ? "zh-CN" : "en";
  const clean: EmailData = {
    ...data,
    locale,
    fullName: oneLine(data.fullName),
    code: oneLine(data.code),
    manageUrl: oneLine(data.manageUrl),
    sessionTitle: data.sessionTitle == null ? data.sessionTitle : oneLine(data.sessionTitle),
  };
  const forum = editionValues(edition, locale);
  const copy = locale === "zh-CN" ? zhCopy(kind, clean, forum) : enCopy(kind, clean, forum);
  const subject = oneLine(copy.subject);
  return { subject, text: toText(copy.blocks, locale), html: toHtml(copy.blocks, locale, subject, forum) };
}

/** After this many failed attempts an email is marked "failed" and no longer retried. */
export const MAX_SEND_ATTEMPTS = 8;

/** Wait after the 1st, 2nd, … failed attempt; the last value repeats. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000] as const;

export type RetryDecision = { status: "pending"; nextAttemptAt: Date } | { status: "failed"; nextAttemptAt: null };

/**
 * What becomes of an email once its `attempts`-th attempt to send it has failed (attempts counts
 * that one). Lives here rather than next to the dispatcher so it can be tested without a database.
 */
export function afterFailedAttempt(attempts: number, now: Date): RetryDecision {
  const n = Number.isFinite(attempts) ? Math.max(1, Math.floor(attempts)) : MAX_SEND_ATTEMPTS;
  if (n >= MAX_SEND_ATTEMPTS) return { status: "failed", nextAttemptAt: null };
  const delay = RETRY_DELAYS_MS[Math.min(n, RETRY_DELAYS_MS.length) - 1]!;
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + delay) };
}
