"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useRef } from "react";
import { switchEditionAction } from "../edition-actions";

type Props = { locale: string; selected: number; options: { value: number; label: string }[] };

/** Choosing an edition switches at once; the button is there for keyboards and no JavaScript. */
export function EditionSwitchForm({ locale, selected, options }: Props) {
  const t = useTranslations("console.edition");
  const form = useRef<HTMLFormElement>(null);
  const pathname = usePathname();
  return (
    <form ref={form} action={switchEditionAction} className="ml-auto flex min-w-0 max-w-full flex-wrap items-center gap-2">
      <input type="hidden" name="locale" value={locale} />
      {/* Back to the same page, without its query: a filter of one edition means nothing in another. */}
      <input type="hidden" name="back" value={pathname} />
      <label htmlFor="console-edition-select" className="font-medium">
        {t("label")}
      </label>
      <select
        id="console-edition-select"
        name="edition"
        defaultValue={selected}
        onChange={() => form.current?.requestSubmit()}
        className="min-w-0 max-w-full rounded-md border border-slate-400 bg-white px-2 py-1"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-brand-700 px-2 py-1 font-semibold text-brand-700">
        {t("switch")}
      </button>
    </form>
  );
}
