// For the database's unit tests: the details of a person who registers, each with an address of
// their own.
let n = 0;

/** What the public form collects about a person (without consent and language). */
export function personDetails(over: Record<string, unknown> = {}) {
  n += 1;
  return {
    fullName: `Test Person ${n}`,
    email: `person-${n}-${process.pid}@example.test`,
    organisation: "Org",
    jobTitle: "Engineer",
    phone: null,
    category: "industry" as const,
    days: ["2024-07-11" as const],
    dietary: "",
    accessibility: "",
    newsConsent: false,
    ...over,
  };
}

/** A registration as the public form sends it. */
export function registrationInput(over: Record<string, unknown> = {}) {
  return { ...personDetails(over), consent: true as const, locale: "en" as const };
}
