import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requirePageUser } from "@/auth/guard";
import { Link } from "@/i18n/navigation";
import { can } from "@/lib/auth/roles";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "console.home" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ConsoleHome({ params }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePageUser(locale, "attendees", "/admin");
  const t = await getTranslations("console");
  const areas = (["agenda", "speakers", "quotes", "users", "audit"] as const).filter((area) => can(user.role, area));
  return (
    <div>
      <h1 className="text-3xl font-bold">{t("home.title")}</h1>
      <p className="mt-2 text-slate-700">{t("home.intro", { name: user.name || user.email })}</p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {areas.map((area) => (
          <li key={area}>
            <Link href={`/admin/${area}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-700">
              <span className="font-semibold text-brand-700">{t(`nav.${area}`)}</span>
              <span className="mt-1 block text-sm text-slate-700">{t(`home.${area}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
