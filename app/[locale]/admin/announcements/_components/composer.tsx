"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { CheckField } from "@/components/form/check-field";
import { FieldError } from "@/components/form/field";
import { TextField } from "@/components/form/text-field";
import type { Audience, AnnouncementKind } from "@/lib/announcements/audience";
import type { FormValues } from "../actions";
import { BODY_MAX, SUBJECT_MAX, type AnnouncementText } from "@/lib/announcements/input";
import { countRecipientsAction, saveAnnouncementAction, type AnnouncementState } from "../actions";

type Option = { value: string; label: string };

export type ComposerValues = AnnouncementText & { kind: AnnouncementKind; audience: Audience };

/** What the fields show: what was just sent back with errors, else the draft's, else nothing. */
function shown(sent: FormValues | undefined, initial: ComposerValues | undefined): FormValues | undefined {
  if (sent) return sent;
  if (!initial) return undefined;
  const { audience, ...rest } = initial;
  return { ...rest, groups: audience.groups, days: audience.days, categories: audience.categories, checkedIn: audience.checkedIn };
}

/**
 * The announcement's texts in both languages, its kind and its audience, with the number of
 * people the audience reaches counted again at each change.
 */
export function Composer({
  id,
  locale,
  initial,
  days,
  categories,
}: {
  id?: number;
  locale: string;
  initial?: ComposerValues;
  days: Option[];
  categories: Option[];
}) {
  const t = useTranslations("announcements");
  const [state, save, saving] = useActionState<AnnouncementState, FormData>(saveAnnouncementAction, {});
  const [counted, count, counting] = useActionState<AnnouncementState, FormData>(countRecipientsAction, {});
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const recount = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (form.current) {
        const data = new FormData(form.current);
        startTransition(() => count(data));
      }
    }, 250);
  };
  // The count of the audience as it stands when the form opens (a draft's, or the defaults).
  useEffect(recount, []); // eslint-disable-line react-hooks/exhaustive-deps

  const error = (field: string) => (state.errors?.[field] ? t(`errors.${state.errors[field]}`) : undefined);
  const groupsError = error("groups");
  const v = shown(state.values, initial);
  return (
    <form ref={form} action={save} onChange={recount} className="mt-4 space-y-5" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {id !== undefined && <input type="hidden" name="id" value={id} />}
      <div className="grid gap-5 md:grid-cols-2">
        <div className="space-y-3" lang="en">
          <TextField name="subjectEn" label={t("subjectEn")} defaultValue={v?.subjectEn} maxLength={SUBJECT_MAX} error={error("subjectEn")} required />
          <TextField name="bodyEn" label={t("bodyEn")} hint={t("bodyHint")} defaultValue={v?.bodyEn} maxLength={BODY_MAX} error={error("bodyEn")} multiline required />
        </div>
        <div className="space-y-3" lang="zh-CN">
          <TextField name="subjectZh" label={t("subjectZh")} defaultValue={v?.subjectZh} maxLength={SUBJECT_MAX} error={error("subjectZh")} required />
          <TextField name="bodyZh" label={t("bodyZh")} hint={t("bodyHint")} defaultValue={v?.bodyZh} maxLength={BODY_MAX} error={error("bodyZh")} multiline required />
        </div>
      </div>
      <fieldset className="space-y-1">
        <legend className="font-medium text-slate-800">{t("kind")}</legend>
        {(["service", "news"] as const).map((k) => (
          <CheckField key={k} type="radio" id={`kind-${k}`} name="kind" value={k} label={t(`kinds.${k}`)} defaultChecked={(v?.kind || "service") === k} />
        ))}
        {error("kind") && <FieldError id="kind">{error("kind")}</FieldError>}
      </fieldset>
      <fieldset className="space-y-3" aria-describedby={`audience-hint${groupsError ? " groups-error" : ""}`}>
        <legend className="font-medium text-slate-800">{t("audience")}</legend>
        <p id="audience-hint" className="text-sm text-slate-600">
          {t("audienceHint")}
        </p>
        <div className="space-y-1">
          {(["confirmed", "waiting", "speakers"] as const).map((g) => (
            <CheckField key={g} id={`group-${g}`} name="groups" value={g} label={t(`groups.${g}`)} defaultChecked={v ? v.groups.includes(g) : g === "confirmed"} />
          ))}
          {groupsError && <FieldError id="groups">{groupsError}</FieldError>}
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("days")}</legend>
          <p className="text-sm text-slate-600">{t("daysHint")}</p>
          {days.map((d) => (
            <CheckField key={d.value} id={`day-${d.value}`} name="days" value={d.value} label={d.label} defaultChecked={v?.days.includes(d.value)} />
          ))}
          {error("days") && <FieldError id="days">{error("days")}</FieldError>}
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-800">{t("categories")}</legend>
          <p className="text-sm text-slate-600">{t("categoriesHint")}</p>
          {categories.map((c) => (
            <CheckField key={c.value} id={`category-${c.value}`} name="categories" value={c.value} label={c.label} defaultChecked={v?.categories.includes(c.value)} />
          ))}
        </fieldset>
        <CheckField name="checkedIn" label={t("checkedIn")} defaultChecked={v?.checkedIn} />
      </fieldset>
      <p role="status" aria-live="polite" className="font-semibold">
        {counting ? t("counting") : t("count", { count: counted.count ?? 0 })}
      </p>
      {state.errors?.form && (
        <p role="alert" className="text-sm font-medium text-red-800">
          {t(`errors.${state.errors.form}`)}
        </p>
      )}
      <button type="submit" disabled={saving} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {saving ? t("saving") : t("save")}
      </button>
    </form>
  );
}
