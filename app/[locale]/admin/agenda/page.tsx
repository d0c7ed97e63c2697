import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { consoleEdition } from "@/auth/edition";
import { requirePageUser } from "@/auth/guard";
import { loadAgendaEditor, publishPreview } from "@/db/queries/agenda-editor";
import { gridHours } from "@/lib/agenda-editor/grid";
import { formatDay, offsetLabel, zonedToInstant } from "@/lib/time";
import { AgendaEditor } from "./_components/agenda-editor";
import { PublishPanel } from "./_components/publish-panel";
import { VenueSection } from "./_components/venue-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/agenda">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "agendaEditor" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AgendaEditorPage({ params }: PageProps<"/[locale]/admin/agenda">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "agenda");
  const t = await getTranslations("agendaEditor");
  const eventId = (await consoleEdition()).id;
  const data = loadAgendaEditor(eventId);
  const pending = data.sessions.filter((s) => s.hasDraft).length;
  const [first] = data.days;
  const editor = {
    ...data,
    days: data.days.map((date) => ({ date, label: formatDay(date, locale, "short") })),
    offset: offsetLabel(zonedToInstant(first, "12:00", data.timeZone), data.timeZone),
    hours: gridHours(data.sessions.map((s) => s.data), data.timeZone),
  };
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <PublishPanel pending={pending} latest={data.latestVersion} notices={pending > 0 ? publishPreview(eventId).notified : { attendees: 0, speakers: 0, speakersWithoutEmail: 0 }} />
      <AgendaEditor data={editor} />
      <VenueSection rooms={data.rooms} tracks={data.tracks} />
    </div>
  );
}
