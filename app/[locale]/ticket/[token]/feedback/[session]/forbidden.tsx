"use client";

import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import { Link } from "@/i18n/navigation";

/**
 * A session the person did not register for (403). A client component, like the ticket's 404:
 * rendered on the server, this boundary would resolve the language before the page set it.
 */
export default function FeedbackForbidden() {
  const t = useTranslations("feedback");
  const { token } = useParams<{ token: string }>();
  return (
    <div className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-3xl font-bold">{t("forbiddenTitle")}</h1>
      <p className="mt-4 text-slate-700">{t("forbiddenBody")}</p>
      <Link href={`/ticket/${token}`} className="mt-6 inline-block font-medium text-brand-700 underline">
        {t("backToTicket")}
      </Link>
    </div>
  );
}
