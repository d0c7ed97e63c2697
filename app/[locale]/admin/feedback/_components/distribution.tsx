import { getTranslations } from "next-intl/server";

/** Five small bars, 1 to 5 stars, each as long as its share of the answers, with the counts as text. */
export async function Distribution({ counts }: { counts: readonly number[] }) {
  const t = await getTranslations("feedbackAdmin");
  const most = Math.max(1, ...counts);
  return (
    <ol className="flex items-end gap-1" aria-label={t("distribution")}>
      {counts.map((n, i) => (
        <li key={i} className="flex flex-col items-center text-xs text-slate-600" title={t("distributionLabel", { stars: i + 1, count: n })}>
          <span aria-hidden="true" className="w-4 rounded-t bg-brand-600" style={{ height: `${Math.max(2, Math.round((n / most) * 28))}px` }} />
          <span className="sr-only">{t("distributionLabel", { stars: i + 1, count: n })}</span>
          <span aria-hidden="true">{n}</span>
        </li>
      ))}
    </ol>
  );
}
