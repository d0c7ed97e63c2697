"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useState, type FormEvent } from "react";
import { describedBy, Field } from "@/components/form/field";
import { MAX_PHOTO_BYTES } from "@/lib/speakers/photo";
import { removeSpeakerPhotoAction, type SimpleState } from "../actions";

type Props = { locale: string; id: number; name: string; photoUrl: string | null };

/** Upload goes to a route handler (a Server Action body stops at 1 MB); removing is an action. */
export function PhotoPanel({ locale, id, name, photoUrl }: Props) {
  const t = useTranslations("speakersAdmin.photo");
  const router = useRouter();
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [uploading, setUploading] = useState(false);
  const [removed, remove, removing] = useActionState<SimpleState, FormData>(removeSpeakerPhotoAction, {});

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
      const response = await fetch(`/${locale}/admin/speakers/${id}/photo`, {
        method: "POST",
        body: form,
      });
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

  const known = ["photoMissing", "photoTooLarge", "photoNotImage", "photoBadName", "photoUnreadable", "notFound"];
  const error = status.error && t(`errors.${known.includes(status.error) ? status.error : "failed"}`);
  return (
    <section aria-labelledby="photo-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="photo-heading" className="text-xl font-semibold">
        {t("title")}
      </h2>
      {photoUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- served already resized by /files/speakers
        <img src={photoUrl} alt={name} width={240} className="mt-3 h-auto w-40 rounded-md border border-slate-200" />
      ) : (
        <p className="mt-2 text-slate-700">{t("none")}</p>
      )}
      <form onSubmit={upload} className="mt-4">
        {/* Announced: the panel stays in place, with no page load to read out. */}
        <Field id="photo-file" label={t("file")} error={error} alert>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <input {...describedBy("photo-file", { error })} name="photo" type="file" accept="image/jpeg,image/png,image/webp" required className="block" />
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
      {photoUrl && (
        <form action={remove} className="mt-3">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" disabled={removing} className="font-medium text-red-800 underline">
            {t("remove")}
          </button>
        </form>
      )}
      {removed.done && !photoUrl && (
        <p role="status" className="mt-2 text-green-900">
          {t("removed")}
        </p>
      )}
      {removed.error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {t(`errors.${removed.error === "notFound" ? "notFound" : "failed"}`)}
        </p>
      )}
    </section>
  );
}
