"use client";

import { useErrorCopy } from "@/components/error-copy";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useErrorCopy();
  return (
    <div className="mx-auto max-w-xl py-12" role="alert">
      <h1 className="text-3xl font-bold">{t.title}</h1>
      <p className="mt-4 text-slate-700">{t.body}</p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {t.retry}
      </button>
    </div>
  );
}
