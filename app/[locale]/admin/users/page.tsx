import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { getEvent } from "@/db/queries/event";
import { offsetLabel } from "@/lib/time";
import { listUsers } from "@/db/queries/users";
import { NewUserForm } from "./_components/new-user-form";
import { UserRow } from "./_components/user-row";
import { TableScroll } from "@/components/ui/table-scroll";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "console.users" });
  return { title: t("title"), robots: { index: false } };
}

export default async function UsersPage({ params }: PageProps<"/[locale]/admin/users">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requirePageUser(locale, "users");
  const t = await getTranslations("console.users");
  const { timeZone } = getEvent();
  const format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <h2 className="mt-6 text-xl font-semibold">{t("addTitle")}</h2>
      <NewUserForm />
      <TableScroll className="mt-8">
        <table className="w-full text-left">
          <caption className="sr-only">{t("title")}</caption>
          <thead>
            <tr className="text-sm text-slate-600">
              <th scope="col" className="pr-3 pb-2">{t("email")}</th>
              <th scope="col" className="pr-3 pb-2">{t("role")}</th>
              <th scope="col" className="pr-3 pb-2">{t("status")}</th>
              <th scope="col" className="pr-3 pb-2">{t("lastSignIn")}</th>
              <th scope="col" className="pb-2">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {listUsers().map((user) => (
              <UserRow
                key={user.id}
                id={user.id}
                email={user.email}
                name={user.name}
                role={user.role}
                disabled={user.disabled}
                self={user.id === me.id}
                lastSignIn={user.lastSignInAt ? `${format.format(user.lastSignInAt)} (${offsetLabel(user.lastSignInAt, timeZone)})` : t("never")}
              />
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
