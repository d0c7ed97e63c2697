import { useTranslations } from "next-intl";

/** The portal without a link opened on this browser. */
export default function SpeakerUnauthorized() {
  const t = useTranslations("speakerPortal.signedOut");
  return (
    <div className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold text-brand-700">401</p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("body")}</p>
    </div>
  );
}
