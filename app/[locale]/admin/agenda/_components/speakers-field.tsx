"use client";

import { useLocale, useTranslations } from "next-intl";
import { FieldError } from "@/components/form/field";
import { SelectField } from "@/components/form/select-field";
import { speakerRoles } from "@/lib/sessions/kinds";
import { pick } from "@/lib/localized";

export type SpeakerRow = { speakerId: string; role: string };

type Props = {
  value: SpeakerRow[];
  onChange: (rows: SpeakerRow[]) => void;
  people: { id: number; nameEn: string; nameZh: string | null }[];
  error?: string;
};

/** The people of a session, each with a role; sent as parallel speakerId / speakerRole fields. */
export function SpeakersField({ value, onChange, people, error }: Props) {
  const t = useTranslations("agendaEditor.fields");
  const roles = useTranslations("roles");
  const locale = useLocale();
  const name = (id: string) => {
    const person = people.find((p) => String(p.id) === id);
    return person ? pick(locale, person.nameEn, person.nameZh) : id;
  };
  const set = (index: number, row: SpeakerRow) => onChange(value.map((r, i) => (i === index ? row : r)));
  return (
    <fieldset className="sm:col-span-2" aria-describedby={error ? "speakers-error" : undefined}>
      <legend className="font-medium">{t("speakers")}</legend>
      <p className="text-sm text-slate-600">{t("realPeopleNote")}</p>
      <ul className="mt-1 space-y-2">
        {value.map((row, i) => (
          <li key={i} className="flex flex-wrap items-end gap-2">
            <SelectField
              id={`session-speakerId-${i}`}
              name="speakerId"
              label={`${t("speaker")} ${i + 1}`}
              compact
              value={row.speakerId}
              onChange={(e) => set(i, { ...row, speakerId: e.target.value })}
              options={people.map((p) => ({ value: p.id, label: pick(locale, p.nameEn, p.nameZh) }))}
            />
            <SelectField
              id={`session-speakerRole-${i}`}
              name="speakerRole"
              label={`${t("role")} ${i + 1}`}
              compact
              value={row.role}
              onChange={(e) => set(i, { ...row, role: e.target.value })}
              options={speakerRoles.map((r) => ({ value: r, label: roles(r) }))}
            />
            <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))} className="rounded border border-slate-400 px-2 py-1 text-sm">
              {t("removeSpeaker", { name: name(row.speakerId) })}
            </button>
          </li>
        ))}
      </ul>
      {error && <FieldError id="speakers">{error}</FieldError>}
      <button
        type="button"
        onClick={() => {
          const free = people.find((p) => !value.some((r) => r.speakerId === String(p.id)));
          if (free) onChange([...value, { speakerId: String(free.id), role: "speaker" }]);
        }}
        className="mt-2 rounded border border-brand-700 px-2 py-1 text-sm font-medium text-brand-800"
      >
        {t("addSpeaker")}
      </button>
    </fieldset>
  );
}
