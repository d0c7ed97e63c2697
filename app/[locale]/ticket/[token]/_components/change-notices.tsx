import { getTranslations } from "next-intl/server";
import { changeNoticesAction } from "../actions";

/** Whether the person receives change notices, and the button that turns them off or back on. */
export async function ChangeNotices({ token, off }: { token: string; off: boolean }) {
  const t = await getTranslations("changeNotices");
  return (
    <section aria-labelledby="change-notices-heading" className="rounded-xl border border-slate-200 bg-white p-5">
      <h2 id="change-notices-heading" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mt-1 text-slate-700">{off ? t("off") : t("on")}</p>
      <form action={changeNoticesAction.bind(null, token, off)} className="mt-3">
        <button type="submit" className="rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700">
          {off ? t("turnOn") : t("turnOff")}
        </button>
      </form>
    </section>
  );
}
