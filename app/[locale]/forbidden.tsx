import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";

export default function Forbidden() {
  const t = useTranslations("console.forbidden");
  return (
    <div className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mt-4 text-slate-700">{t("body")}</p>
      <Link href="/admin/account" className="mt-6 inline-block font-medium text-brand-700 underline">
        {t("account")}
      </Link>
    </div>
  );
}
