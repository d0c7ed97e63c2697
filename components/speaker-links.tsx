import { getTranslations } from "next-intl/server";

type Links = { websiteUrl: string | null; linkedinUrl: string | null; weiboUrl: string | null; wechatAccount: string | null };

/**
 * A speaker's public links, as an organizer approved them (each checked to be http(s) on its own
 * host when proposed, lib/speakers/links.ts). They lead off the site: no referrer, no ranking.
 */
export async function SpeakerLinks({ links }: { links: Links }) {
  const t = await getTranslations("speakerLinks");
  const urls = (["websiteUrl", "linkedinUrl", "weiboUrl"] as const).filter((key) => links[key]);
  if (urls.length === 0 && !links.wechatAccount) return null;
  return (
    <section aria-labelledby="speaker-links" className="mt-4">
      <h2 id="speaker-links" className="sr-only">
        {t("title")}
      </h2>
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {urls.map((key) => (
          <li key={key}>
            <a href={links[key]!} rel="noopener noreferrer nofollow ugc" className="font-medium text-brand-700 underline">
              {t(key)}
            </a>
          </li>
        ))}
        {links.wechatAccount && <li className="text-slate-800">{t("wechatAccount", { name: links.wechatAccount })}</li>}
      </ul>
    </section>
  );
}
