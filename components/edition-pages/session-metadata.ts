import type { Metadata } from "next";
import type { getPublicSession } from "@/db/queries/sessions";
import { pageMetadata } from "@/i18n/metadata";
import { pick } from "@/lib/localized";

type Session = NonNullable<ReturnType<typeof getPublicSession>>;

/** A session page's title and description, wherever the session is shown. */
export function sessionMetadata(locale: string, path: string, session: Session): Promise<Metadata> {
  return pageMetadata({
    locale,
    path,
    title: pick(locale, session.titleEn, session.titleZh),
    description: pick(locale, session.abstractEn, session.abstractZh).slice(0, 200),
    type: "article",
  });
}
