"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describedBy, Field } from "@/components/form/field";

const KNOWN = ["slidesMissing", "slidesBadName", "slidesTooLarge", "slidesNotPdf", "slidesEncrypted", "slidesBroken", "notFound"];

/**
 * The speaker's slides for one session, sent as the body itself to the portal's route (a Server
 * Action stops at 1 MB); the server checks everything again and keeps it as a proposal.
 */
export function SlidesUpload({ sessionId, locale, maxBytes }: { sessionId: number; locale: string; maxBytes: number }) {
  const t = useTranslations("speakerMaterials");
  const router = useRouter();
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [uploading, setUploading] = useState(false);
  const id = `slides-${sessionId}`;

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setStatus({ error: "slidesMissing" });
    if (file.size > maxBytes) return setStatus({ error: "slidesTooLarge" });
    setUploading(true);
    setStatus({});
    try {
      const response = await fetch(`/${locale}/speaker/sessions/${sessionId}/slides`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream", "x-file-name": encodeURIComponent(file.name) },
      });
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) return setStatus({ error: body.error ?? "failed" });
      setStatus({ saved: true });
      router.refresh();
    } catch {
      setStatus({ error: "failed" });
    } finally {
      setUploading(false);
    }
  }

  const error = status.error && t(`errors.${KNOWN.includes(status.error) ? status.error : "failed"}`);
  return (
    <form onSubmit={upload} className="mt-3">
      <Field id={id} label={t("slidesUpload")} hint={t("slidesUploadHint")} error={error} alert>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <input {...describedBy(id, { error, hint: true })} name="file" type="file" accept="application/pdf,.pdf" required className="block" />
          <button type="submit" disabled={uploading} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
            {uploading ? t("uploading") : t("upload")}
          </button>
        </div>
      </Field>
      {status.saved && (
        <p role="status" className="mt-2 text-green-900">
          {t("uploaded")}
        </p>
      )}
    </form>
  );
}
