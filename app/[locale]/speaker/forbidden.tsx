import { useTranslations } from "next-intl";

/** A link that expired or was revoked, or a portal whose link stopped working meanwhile. */
export default function SpeakerForbidden() {
  const t = useTranslations("speakerPortal.dead");
  return (
    <div className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("body")}</p>
    </div>
  );
}
