import { getTranslations } from "next-intl/server";
import { consoleEdition } from "@/auth/edition";
import { listEditions } from "@/db/queries/event";
import { editionName } from "@/lib/edition";
import { EditionSwitchForm } from "./edition-switch-form";

/** Which edition the console works on, and the choice of another: on every console page. */
export async function EditionSwitcher({ locale }: { locale: string }) {
  const t = await getTranslations("console.edition");
  const working = await consoleEdition();
  const options = listEditions().map((e) => ({
    value: e.id,
    label: e.isCurrent ? t("currentOption", { name: editionName(e, locale) }) : editionName(e, locale),
  }));
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3 rounded-md bg-slate-100 px-3 py-2 text-sm" data-testid="console-edition">
      <p>
        {t("workingOn", { name: editionName(working, locale) })}
        {!working.isCurrent && <span className="ml-2 font-semibold text-amber-800">{t("notCurrent")}</span>}
      </p>
      <EditionSwitchForm locale={locale} selected={working.id} options={options} />
      {working.archivedAt && (
        <p role="status" className="basis-full font-semibold text-slate-900">
          {t("readOnly", { name: editionName(working, locale) })}
        </p>
      )}
    </div>
  );
}
