import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { z } from "zod";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { requirePageUser } from "@/auth/guard";
import { auditEntities, listAudit } from "@/db/queries/audit";
import { consoleEdition } from "@/auth/edition";
import { listUsers } from "@/db/queries/users";
import { Link } from "@/i18n/navigation";
import { isIsoDate, offsetLabel, zonedToInstant } from "@/lib/time";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/audit">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "console.audit" });
  return { title: t("title"), robots: { index: false } };
}

const filterInput = z.object({
  user: z.coerce.number().int().positive().optional().catch(undefined),
  kind: z.string().max(50).optional().catch(undefined),
  from: z.string().refine(isIsoDate).optional().catch(undefined),
  to: z.string().refine(isIsoDate).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePageUser(locale, "audit");
  const t = await getTranslations("console.audit");
  const filter = filterInput.parse(await searchParams);
  // Days of the filter and times of the rows are the edition's, not the server's; the rows are
  // the console's edition's and those of no edition (users, speakers, sources).
  const edition = await consoleEdition();
  const zone = edition.timeZone;
  const { rows, hasMore } = listAudit({
    eventId: edition.id,
    userId: filter.user,
    entity: filter.kind || undefined,
    from: filter.from ? zonedToInstant(filter.from, "00:00", zone).getTime() : undefined,
    to: filter.to ? zonedToInstant(nextDay(filter.to), "00:00", zone).getTime() : undefined,
    page: filter.page,
  });
  const users = listUsers();
  const kinds = auditEntities(edition.id);
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: zone });
  const page = filter.page ?? 1;
  const query = (p: number) => {
    const q = new URLSearchParams();
    if (filter.user) q.set("user", String(filter.user));
    if (filter.kind) q.set("kind", filter.kind);
    if (filter.from) q.set("from", filter.from);
    if (filter.to) q.set("to", filter.to);
    q.set("page", String(p));
    return `/admin/audit?${q}`;
  };
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro", { offset: offsetLabel(new Date(), zone) })}</p>
      <form method="get" className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-5" role="search" aria-label={t("filters")}>
        <SelectField id="audit-user" name="user" label={t("user")} emptyOption={t("anyone")} defaultValue={filter.user ?? ""} compact options={users.map((u) => ({ value: u.id, label: u.email }))} />
        <SelectField id="audit-kind" name="kind" label={t("kind")} emptyOption={t("anyKind")} defaultValue={filter.kind ?? ""} compact options={kinds.map((k) => ({ value: k, label: k }))} />
        <TextField id="audit-from" name="from" type="date" label={t("from")} defaultValue={filter.from} compact />
        <TextField id="audit-to" name="to" type="date" label={t("to")} defaultValue={filter.to} compact />
        <div className="flex items-end">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">{t("apply")}</button>
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="mt-6 text-slate-700">{t("empty")}</p>
      ) : (
        <TableScroll className="mt-6">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className="pr-3 pb-2">{t("when")}</th>
                <th scope="col" className="pr-3 pb-2">{t("who")}</th>
                <th scope="col" className="pr-3 pb-2">{t("what")}</th>
                <th scope="col" className="pb-2">{t("change")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">{format.format(row.createdAt)}</td>
                  <td className="py-2 pr-3">{row.userEmail ?? row.actor}</td>
                  <td className="py-2 pr-3">
                    <span className="font-medium">{row.action}</span> {row.entity}
                    {row.entityId !== null && ` #${row.entityId}`}
                  </td>
                  <td className="py-2">
                    <details>
                      <summary className="cursor-pointer text-brand-700">{t("details")}</summary>
                      <div className="mt-2 grid gap-2 lg:grid-cols-2">
                        <div>
                          <p className="font-medium">{t("before")}</p>
                          <pre className="max-w-md overflow-x-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap">{JSON.stringify(row.before, null, 2)}</pre>
                        </div>
                        <div>
                          <p className="font-medium">{t("after")}</p>
                          <pre className="max-w-md overflow-x-auto rounded bg-slate-100 p-2 text-xs whitespace-pre-wrap">{JSON.stringify(row.after, null, 2)}</pre>
                        </div>
                      </div>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <nav aria-label={t("pages")} className="mt-4 flex gap-4">
        {page > 1 && <Link href={query(page - 1)} className="font-medium text-brand-700 underline">{t("newer")}</Link>}
        {hasMore && <Link href={query(page + 1)} className="font-medium text-brand-700 underline">{t("older")}</Link>}
      </nav>
    </div>
  );
}
