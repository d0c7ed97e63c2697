"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { adoptToken } from "@/components/personal-agenda/store";
import { Link } from "@/i18n/navigation";

type Props = { token: string; known: string[] };

/**
 * Ties this browser's stars to the registration: the stars made here before registering are
 * carried over, and on another device the registration's stars come into the browser.
 */
export function StarsCarryOver({ token, known }: Props) {
  const t = useTranslations("myAgenda");
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void adoptToken(token, known).then((me) => {
      if (live && me) setCount(me.stars.length);
    });
    return () => {
      live = false;
    };
  }, [token, known]);
  return (
    <section aria-labelledby="my-agenda-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="my-agenda-heading" className="text-xl font-bold">
        {t("ticketHeading")}
      </h2>
      <p className="mt-1 text-slate-700">{count === null ? t("ticketHelp") : t("ticketCount", { count })}</p>
      <Link href="/my-agenda" className="mt-2 inline-block font-semibold text-brand-700 underline">
        {t("ticketLink")}
      </Link>
    </section>
  );
}
