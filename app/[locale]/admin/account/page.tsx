import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { PasswordForm } from "./_components/password-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/account">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "console.account" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AccountPage({ params, searchParams }: PageProps<"/[locale]/admin/account">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "self");
  const t = await getTranslations("console");
  const { changed } = await searchParams;
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("account.title")}</h1>
      <p className="mt-2 text-slate-700">
        {t("account.who", { email: user.email, role: t(`nav.roles.${user.role}`) })}
      </p>
      {changed === "1" && !user.mustChangePassword && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t("account.changed")}
        </p>
      )}
      {user.mustChangePassword && (
        <p role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
          {t("account.required")}
        </p>
      )}
      <h2 className="mt-8 text-xl font-semibold">{t("account.changeTitle")}</h2>
      <PasswordForm locale={locale} />
    </div>
  );
}
