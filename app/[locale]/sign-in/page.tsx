import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/guard";
import { homePath } from "@/lib/auth/roles";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "console.signIn" });
  return { title: t("title"), robots: { index: false } };
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (user) redirect(`/${locale}${homePath(user.role)}`);
  const { next } = await searchParams;
  const t = await getTranslations("console.signIn");
  return (
    <div className="mx-auto max-w-sm py-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      <SignInForm locale={locale} next={typeof next === "string" ? next : undefined} />
    </div>
  );
}
