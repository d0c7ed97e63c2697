import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { dashboard } from "@/db/queries/dashboard";
import { consoleEdition } from "@/auth/edition";
import { Link } from "@/i18n/navigation";
import { formatDay } from "@/lib/time";
import { DashboardBars } from "./_components/dashboard-bars";
import { DashboardFigure } from "./_components/dashboard-figure";
import { DashboardTable } from "./_components/dashboard-table";
import { DashboardTimeline } from "./_components/dashboard-timeline";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "dashboard" });
  return { title: t("title"), robots: { index: false } };
}

export default async function DashboardPage({ params }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "attendees", "/admin");
  const t = await getTranslations("dashboard");
  // The console's home keeps the console's own heading and greeting.
  const home = await getTranslations("console.home");
  const tr = await getTranslations("registration");
  const d = dashboard(await consoleEdition());
  const zh = locale === "zh-CN";
  const short = (date: string) => formatDay(date, locale, "short");
  // A hold takes a seat until it is confirmed or lapses.
  const free = Math.max(0, d.capacity - d.confirmed - d.held);
  const link = "font-medium text-brand-700 underline";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{home("title")}</h1>
        <p className="mt-2 text-slate-700">{home("intro", { name: user.name || user.email })}</p>
        <p className="mt-2 flex flex-wrap gap-x-6">
          <Link href="/admin/attendees" className={link}>{t("attendees")}</Link>
          <Link href="/admin/settings" className={link}>{t("settings")}</Link>
        </p>
      </div>
      <DashboardFigure
        id="dashboard-seats"
        title={t("seats.title")}
        tableLabel={t("showTable")}
        chart={
          <DashboardBars
            label={t("seats.chart", { confirmed: d.confirmed, capacity: d.capacity, waiting: d.waiting })}
            bars={[{ label: t("seats.confirmed"), value: d.confirmed, extra: d.waiting, of: d.capacity, text: t("seats.bar", { confirmed: d.confirmed, capacity: d.capacity, waiting: d.waiting }) }]}
          />
        }
        table={
          <DashboardTable
            caption={t("seats.title")}
            headers={[t("figure"), t("count")]}
            rows={[
              [t("seats.capacity"), d.capacity],
              [t("seats.confirmed"), d.confirmed],
              [t("seats.held"), d.held],
              [t("seats.free"), free],
              [t("seats.pending"), d.awaitingApproval],
              [t("seats.waiting"), d.waiting],
              [t("seats.overrides"), d.overrides],
              [t("seats.cancelled"), d.cancelled],
            ]}
          />
        }
      />
      <p className="text-sm text-slate-700">{t("legend")}</p>
      <DashboardFigure
        id="dashboard-timeline"
        title={t("timeline.title")}
        tableLabel={t("showTable")}
        chart={d.perDay.length === 0 ? <p>{t("none")}</p> : <DashboardTimeline points={d.perDay} label={t("timeline.chart", { total: d.perDay.at(-1)?.total ?? 0 })} formatDate={short} />}
        table={<DashboardTable caption={t("timeline.title")} headers={[t("date"), t("timeline.added"), t("timeline.total")]} rows={d.perDay.map((p) => [short(p.date), p.added, p.total])} />}
      />
      <DashboardFigure
        id="dashboard-categories"
        title={t("categories.title")}
        tableLabel={t("showTable")}
        chart={<DashboardBars label={t("categories.title")} bars={d.categories.map((c) => ({ label: tr(`categories.${c.category}`), value: c.count, text: String(c.count) }))} />}
        table={<DashboardTable caption={t("categories.title")} headers={[t("categories.category"), t("count")]} rows={d.categories.map((c) => [tr(`categories.${c.category}`), c.count])} />}
      />
      <DashboardFigure
        id="dashboard-days"
        title={t("days.title")}
        tableLabel={t("showTable")}
        chart={<DashboardBars label={t("days.title")} bars={d.days.map((day) => ({ label: short(day.day), value: day.checkedIn, of: day.expected, text: t("days.bar", { checkedIn: day.checkedIn, expected: day.expected }) }))} />}
        table={<DashboardTable caption={t("days.title")} headers={[t("date"), t("days.expected"), t("days.checkedIn")]} rows={d.days.map((day) => [short(day.day), day.expected, day.checkedIn])} />}
      />
      <DashboardFigure
        id="dashboard-sessions"
        title={t("sessions.title")}
        tableLabel={t("showTable")}
        chart={d.sessions.length === 0 ? <p>{t("none")}</p> : <DashboardBars label={t("sessions.title")} bars={d.sessions.map((s) => ({ label: zh ? s.titleZh : s.titleEn, value: s.booked, extra: s.waiting, of: s.seatLimit, text: t("sessions.bar", { booked: s.booked, seats: s.seatLimit, waiting: s.waiting }) }))} />}
        table={<DashboardTable caption={t("sessions.title")} headers={[t("sessions.session"), t("sessions.seats"), t("sessions.booked"), t("sessions.waiting")]} rows={d.sessions.map((s) => [zh ? s.titleZh : s.titleEn, s.seatLimit, s.booked, s.waiting])} />}
      />
    </div>
  );
}
