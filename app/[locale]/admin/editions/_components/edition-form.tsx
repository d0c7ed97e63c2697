"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { registrationModes } from "@/lib/registration/mode";
import { pick } from "@/lib/localized";
import { createEditionAction, type EditionState } from "../actions";

type Props = {
  /** The zones Intl knows, offered as the zone field's list; any other valid zone is taken too. */
  zones: string[];
  /** The editions a new one may copy its rooms, tracks and sessions from. */
  sources: { value: number; label: string }[];
};

const EMPTY: EditionState = { values: { mode: "confirm", timeZone: "" } };

/** The form for a new edition: what the public pages, emails and feeds will read from its row. */
export function EditionForm({ zones, sources }: Props) {
  const t = useTranslations("editionsAdmin");
  const locale = useLocale();
  const [state, action, pending] = useActionState<EditionState, FormData>(createEditionAction, EMPTY);
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const error = (name: string) => (errors[name] ? t(`errors.${errors[name]}`) : undefined);
  const text = (name: string, type: "text" | "number" | "date" | "datetime-local" = "text", hint?: string) => (
    <TextField
      id={`edition-${name}`}
      name={name}
      label={t(`fields.${name}`)}
      type={type}
      hint={hint}
      error={error(name)}
      defaultValue={values[name]}
      min={type === "number" ? 0 : undefined}
    />
  );
  return (
    <form key={JSON.stringify(state)} action={action} noValidate className="mt-4 space-y-5 rounded-xl border border-slate-200 bg-white p-5">
      {state.created && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 font-medium text-brand-900">
          {t("created", {
            name: pick(locale, state.created.nameEn, state.created.nameZh),
            sessions: state.created.sessions,
            skipped: state.created.skipped,
          })}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 font-medium text-red-900">
          {t("notCreated")}
        </p>
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("namesLegend")}</legend>
        {text("nameEn")}
        {text("nameZh")}
        {text("slug", "text", t("hints.slug"))}
        {text("path", "text", t("hints.path"))}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("whenLegend")}</legend>
        {text("startDate", "date")}
        {text("endDate", "date", t("hints.endDate"))}
        <div className="sm:col-span-2">
          <TextField
            id="edition-timeZone"
            name="timeZone"
            label={t("fields.timeZone")}
            hint={t("hints.timeZone")}
            error={error("timeZone")}
            defaultValue={values.timeZone}
            list="edition-zones"
            autoComplete="off"
            spellCheck={false}
          />
          <datalist id="edition-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("whereLegend")}</legend>
        {text("venueEn")}
        {text("venueZh")}
        {text("introEn", "text", t("hints.intro"))}
        {text("introZh", "text", t("hints.intro"))}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold">{t("registrationLegend")}</legend>
        {text("capacity", "number", t("hints.capacity"))}
        <SelectField
          id="edition-mode"
          name="mode"
          label={t("fields.mode")}
          error={error("mode")}
          defaultValue={values.mode}
          options={registrationModes.map((mode) => ({ value: mode, label: t(`modes.${mode}`) }))}
        />
        {text("opensAt", "datetime-local", t("hints.window"))}
        {text("closesAt", "datetime-local", t("hints.window"))}
      </fieldset>
      <SelectField
        id="edition-copyFrom"
        name="copyFrom"
        label={t("fields.copyFrom")}
        hint={t("hints.copyFrom")}
        error={error("copyFrom")}
        emptyOption={t("copyNothing")}
        defaultValue={values.copyFrom}
        options={sources}
      />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? t("creating") : t("create")}
      </button>
    </form>
  );
}
