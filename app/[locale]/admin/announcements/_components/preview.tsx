import type { RenderedEmail } from "@/lib/email/templates";

/** The email as one person will read it: its subject and its text. */
export function Preview({ id, heading, subjectLabel, lang, mail }: { id: string; heading: string; subjectLabel: string; lang: string; mail: RenderedEmail }) {
  return (
    <section aria-labelledby={id} className="rounded-md border border-slate-300 p-4">
      <h3 id={id} className="font-semibold">
        {heading}
      </h3>
      <p className="mt-2" lang={lang}>
        <span className="text-slate-600">{subjectLabel}</span> <strong>{mail.subject}</strong>
      </p>
      <div className="mt-2 text-sm whitespace-pre-wrap" lang={lang}>
        {mail.text}
      </div>
    </section>
  );
}
