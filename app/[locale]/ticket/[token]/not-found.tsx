"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

/**
 * A manage link that is no one's: mistyped, replaced or erased. A client component: rendered on the
 * server, this boundary resolved the request's language before the page set it, and the whole
 * ticket page came out in English at /zh-CN/ticket/….
 */
export default function TicketNotFound() {
  const t = useTranslations("ticket");
  const n = useTranslations("notFound");
  return (
    <div className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-3xl font-bold">{t("invalidTitle")}</h1>
      <p className="mt-4 text-slate-700">{t("invalidBody")}</p>
      <Link href="/" className="mt-6 inline-block font-medium text-brand-700 underline">
        {n("home")}
      </Link>
    </div>
  );
}
