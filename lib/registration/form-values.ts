/** The fields of the registration form as typed, so that they can be shown again after an error. */
export type FormValues = {
  fullName: unknown;
  email: unknown;
  organisation: unknown;
  jobTitle: unknown;
  phone: unknown;
  category: unknown;
  days: unknown[];
  dietary: unknown;
  accessibility: unknown;
  newsConsent: boolean;
  consent: boolean;
};

export function readRegistrationForm(formData: FormData): FormValues {
  const text = (name: string) => formData.get(name) ?? "";
  return {
    fullName: text("fullName"),
    email: text("email"),
    organisation: text("organisation"),
    jobTitle: text("jobTitle"),
    phone: text("phone"),
    category: text("category"),
    days: formData.getAll("days"),
    dietary: text("dietary"),
    accessibility: text("accessibility"),
    newsConsent: formData.get("newsConsent") === "on",
    consent: formData.get("consent") === "on",
  };
}

export const asText = (value: unknown) => (typeof value === "string" ? value : "");
