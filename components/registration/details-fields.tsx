"use client";

import { useTranslations } from "next-intl";
import { CheckField } from "@/components/form/check-field";
import { FieldError } from "@/components/form/field";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { attendeeCategories } from "@/lib/registration/categories";
import { asText, type FormValues } from "@/lib/registration/form-values";

type Props = {
  days: { date: string; label: string }[];
  values?: Partial<FormValues>;
  errors?: Record<string, string>;
};

/** The attendee's details: shared by the registration form and the manage page. */
export function DetailsFields({ days, values = {}, errors = {} }: Props) {
  const t = useTranslations("registration");
  const error = (field: string) => (errors[field] ? t(`errors.${errors[field]}`) : undefined);
  const chosenDays = (values.days ?? []).map(asText);
  return (
    <>
      <TextField name="fullName" label={t("fullName")} autoComplete="name" maxLength={120} defaultValue={asText(values.fullName)} error={error("fullName")} />
      <TextField name="email" type="email" label={t("email")} autoComplete="email" maxLength={254} defaultValue={asText(values.email)} error={error("email")} />
      <TextField name="organisation" label={t("organisation")} autoComplete="organization" maxLength={160} defaultValue={asText(values.organisation)} error={error("organisation")} />
      <TextField name="jobTitle" label={t("jobTitle")} autoComplete="organization-title" maxLength={120} defaultValue={asText(values.jobTitle)} error={error("jobTitle")} />
      <TextField name="phone" type="tel" label={t("phone")} autoComplete="tel" maxLength={32} defaultValue={asText(values.phone)} error={error("phone")} />
      <SelectField
        name="category"
        label={t("category")}
        error={error("category")}
        emptyOption={t("chooseCategory")}
        defaultValue={asText(values.category)}
        options={attendeeCategories.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
      />
      <fieldset aria-describedby={errors.days ? "field-days-error" : undefined}>
        <legend className="font-medium text-slate-800">{t("days")}</legend>
        <div className="mt-1 space-y-1">
          {days.map((d) => (
            <CheckField key={d.date} id={`field-days-${d.date}`} name="days" value={d.date} label={d.label} defaultChecked={chosenDays.includes(d.date)} />
          ))}
        </div>
        {errors.days && <FieldError id="field-days">{error("days")}</FieldError>}
      </fieldset>
      <TextField name="dietary" label={t("dietary")} maxLength={500} multiline defaultValue={asText(values.dietary)} error={error("dietary")} />
      <TextField name="accessibility" label={t("accessibility")} maxLength={500} multiline defaultValue={asText(values.accessibility)} error={error("accessibility")} />
      <CheckField name="newsConsent" label={t("newsConsent")} defaultChecked={values.newsConsent ?? false} />
    </>
  );
}
