"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { describedBy, Field } from "@/components/form/field";
import { MAX_PHOTO_BYTES } from "@/lib/speakers/photo";

type Props = { locale: string; name: string; publicUrl: string | null; proposedUrl: string | null };

const KNOWN = ["photoMissing", "photoTooLarge", "photoNotImage", "photoBadName", "photoUnreadable", "signedOut", "linkDead"];

/** The public photo and the one proposed; an upload goes to a route handler (an action's body stops at 1 MB). */
export function PortalPhoto({ locale, name, publicUrl, proposedUrl }: Props) {
  const t = useTranslations("speakerPortal.photo");
  const router = useRouter();
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [uploading, setUploading] = useState(false);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("photo");
    // Saves sending megabytes only to hear they were too many; the server checks again.
    if (file instanceof File && file.size > MAX_PHOTO_BYTES) {
      setStatus({ error: "photoTooLarge" });
      return;
    }
    setUploading(true);
    setStatus({});
    try {
      const response = await fetch(`/${locale}/speaker/photo`, { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) {
        setStatus({ error: body.error ?? "failed" });
        return;
      }
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
    <section aria-labelledby="portal-photo" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="portal-photo" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <div className="mt-3 flex flex-wrap gap-6">
        <figure>
          {publicUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers
            <img src={publicUrl} alt={t("publicAlt", { name })} width={240} className="h-auto w-32 rounded-md border border-slate-200" />
          ) : (
            <p className="text-slate-700">{t("none")}</p>
          )}
          <figcaption className="mt-1 text-sm text-slate-600">{t("public")}</figcaption>
        </figure>
        {proposedUrl && (
          <figure>
            {/* eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers */}
            <img src={proposedUrl} alt={t("proposedAlt", { name })} width={240} className="h-auto w-32 rounded-md border border-amber-300" />
            <figcaption className="mt-1 text-sm text-slate-600">{t("proposed")}</figcaption>
          </figure>
        )}
      </div>
      <form onSubmit={upload} className="mt-4">
        {/* Announced: the panel stays in place, with no page load to read out. */}
        <Field id="portal-photo-file" label={t("file")} error={error} alert>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <input {...describedBy("portal-photo-file", { error })} name="photo" type="file" accept="image/jpeg,image/png,image/webp" required className="block" />
            <button type="submit" disabled={uploading} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
              {uploading ? t("uploading") : t("upload")}
            </button>
          </div>
        </Field>
      </form>
      {status.saved && (
        <p role="status" className="mt-2 text-green-900">
          {t("saved")}
        </p>
      )}
    </section>
  );
}
