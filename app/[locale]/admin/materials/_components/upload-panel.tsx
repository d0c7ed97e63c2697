"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describedBy, Field } from "@/components/form/field";

type Props = { sessionId: number; kind: "slides" | "recording"; accept: string; maxBytes: number };

const KNOWN = [
  "slidesMissing",
  "slidesBadName",
  "slidesTooLarge",
  "slidesNotPdf",
  "slidesEncrypted",
  "slidesBroken",
  "videoMissing",
  "videoBadName",
  "videoTooLarge",
  "videoNotVideo",
  "offsetsBeyondLength",
  "notFound",
];

/**
 * Sends the file itself as the body to a route handler (a Server Action stops at 1 MB, and a
 * multipart body would be held in memory whole); the server checks everything again.
 */
export function UploadPanel({ sessionId, kind, accept, maxBytes }: Props) {
  const t = useTranslations("materials");
  const router = useRouter();
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [uploading, setUploading] = useState(false);
  const id = `${kind}-file`;

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0)
      return setStatus({ error: kind === "slides" ? "slidesMissing" : "videoMissing" });
    // Saves sending megabytes only to hear they were too many.
    if (file.size > maxBytes)
      return setStatus({ error: kind === "slides" ? "slidesTooLarge" : "videoTooLarge" });
    setUploading(true);
    setStatus({});
    try {
      const response = await fetch(`/api/admin/sessions/${sessionId}/${kind}`, {
        method: "POST",
        body: file,
        headers: {
          "content-type": "application/octet-stream",
          "x-file-name": encodeURIComponent(file.name),
        },
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

  const error =
    status.error && t(`errors.${KNOWN.includes(status.error) ? status.error : "failed"}`);
  return (
    <form onSubmit={upload} className="mt-3">
      <Field
        id={id}
        label={t(`console.${kind}File`)}
        hint={t(`console.${kind}FileHint`)}
        error={error}
        alert
      >
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <input
            {...describedBy(id, { error, hint: true })}
            name="file"
            type="file"
            accept={accept}
            required
            className="block"
          />
          <button
            type="submit"
            disabled={uploading}
            className="bg-brand-700 rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60"
          >
            {uploading ? t("console.uploading") : t("console.upload")}
          </button>
        </div>
      </Field>
      {status.saved && (
        <p role="status" className="mt-2 text-green-900">
          {t("console.uploaded")}
        </p>
      )}
    </form>
  );
}
