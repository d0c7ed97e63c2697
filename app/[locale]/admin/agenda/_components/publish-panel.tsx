"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Link } from "@/i18n/navigation";
import { publishAction, type PublishState } from "../actions";

type Props = { pending: number; latest: number; notices: { attendees: number; speakers: number; speakersWithoutEmail: number } };

/** How much is waiting, whom publishing it will notify, and the one button that makes the draft public. */
export function PublishPanel({ pending, latest, notices }: Props) {
  const t = useTranslations("agendaEditor.publish");
  const n = useTranslations("changeNotices");
  const [state, action, publishing] = useActionState<PublishState>(publishAction, {});
  return (
    <section aria-labelledby="publish-title" className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
      <h2 id="publish-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mt-1">{t("pending", { count: pending })}</p>
      <p className="text-slate-700">{latest > 0 ? t("latest", { number: latest }) : t("none")}</p>
      {pending > 0 && (
        <div className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-slate-800">
          <p>{n("preview", { attendees: notices.attendees })}</p>
          {notices.speakers > 0 && <p>{n("speakers", { speakers: notices.speakers })}</p>}
          {notices.speakersWithoutEmail > 0 && <p className="text-sm text-slate-700">{n("speakersWithoutEmail", { speakers: notices.speakersWithoutEmail })}</p>}
        </div>
      )}
      <form action={action} className="mt-3 flex flex-wrap items-center gap-4">
        <button type="submit" disabled={publishing} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {publishing ? t("publishing") : t("button")}
        </button>
        <Link href="/agenda/changes" className="font-medium text-brand-700 underline">
          {t("changesLink")}
        </Link>
      </form>
      <div role="status" className="mt-2">
        {state.number !== undefined && (
          <p className="font-medium text-green-900">
            {t("done", { number: state.number, count: state.changes?.length ?? 0 })} {n("queued", { count: state.notified ?? 0 })}
          </p>
        )}
        {state.nothing && <p className="font-medium text-slate-800">{t("nothing")}</p>}
      </div>
    </section>
  );
}
