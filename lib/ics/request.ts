import { z } from "zod";
import { isSlug } from "../slug";
import type { Locale } from "../localized";

const FEED_FILE = /^(.+)\.ics$/;

/** The slug in "<slug>.ics", or null for any other name. */
export function slugFromFile(file: string): string | null {
  const slug = FEED_FILE.exec(file)?.[1];
  return slug !== undefined && isSlug(slug) ? slug : null;
}

/** The token in "<token>.ics": URL-safe base64, long enough to be a secret. */
export function tokenFromFile(file: string): string | null {
  const token = FEED_FILE.exec(file)?.[1];
  return token !== undefined && /^[A-Za-z0-9_-]{16,128}$/.test(token) ? token : null;
}

const feedQuery = z.object({ lang: z.enum(["en", "zh-CN"]).optional() });

/** `?lang=zh-CN` for Chinese; none for the default. Anything else is refused rather than guessed. */
export function parseFeedLanguage(url: string): { ok: true; locale: Locale | undefined } | { ok: false } {
  const params = new URL(url).searchParams;
  const parsed = feedQuery.safeParse({ lang: params.get("lang") ?? undefined });
  return parsed.success ? { ok: true, locale: parsed.data.lang } : { ok: false };
}
