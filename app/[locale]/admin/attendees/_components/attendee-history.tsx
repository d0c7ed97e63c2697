import { getTranslations } from "next-intl/server";
import type { EmailSummary } from "@/db/queries/outbox";
import type { AuditEntry } from "@/db/schema";

type Props = { emails: EmailSummary[]; audit: AuditEntry[]; locale: string; timeZone: string };

/** The registration's emails (from the outbox) and its audit rows. */
export async function AttendeeHistory({ emails, audit, locale, timeZone }: Props) {
  const t = await getTranslations("attendeesAdmin");
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone });
  const cell = "py-1.5 pr-3 align-top";
  return (
    <>
      <section aria-labelledby="emails">
        <h2 id="emails" className="text-xl font-semibold">{t("emails")}</h2>
        {emails.length === 0 ? (
          <p className="mt-2 text-slate-700">{t("noEmails")}</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr className="text-slate-600">
                <th scope="col" className={cell}>{t("when")}</th>
                <th scope="col" className={cell}>{t("emailKind")}</th>
                <th scope="col" className={cell}>{t("subject")}</th>
                <th scope="col" className={cell}>{t("emailStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((e) => (
                <tr key={e.id} className="border-t border-slate-200">
                  <td className={cell}>{when.format(e.createdAt)}</td>
                  <td className={cell}>{e.kind}</td>
                  <td className={cell}>{e.subject}</td>
                  <td className={cell}>{e.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="audit">
        <h2 id="audit" className="text-xl font-semibold">{t("audit")}</h2>
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className={cell}>{t("when")}</th>
              <th scope="col" className={cell}>{t("who")}</th>
              <th scope="col" className={cell}>{t("what")}</th>
              <th scope="col" className={cell}>{t("change")}</th>
            </tr>
          </thead>
          <tbody>
            {audit.map((a) => (
              <tr key={a.id} className="border-t border-slate-200">
                <td className={`${cell} whitespace-nowrap`}>{when.format(a.createdAt)}</td>
                <td className={cell}>{a.actor}</td>
                <td className={cell}>{a.action}</td>
                <td className={cell}>
                  <pre className="max-w-xl overflow-x-auto text-xs whitespace-pre-wrap">{JSON.stringify({ before: a.before, after: a.after })}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
