/**
 * The slot of the offline notice: public/wake.js fills it while the browser is offline, saying when
 * the copy shown was saved. React never renders into it (an empty inner HTML it keeps as it is), so
 * what the script put there survives hydration. `savedCopy` holds `{when}`.
 */
export function OfflineNotice({ locale, offline, savedCopy }: { locale: string; offline: string; savedCopy: string }) {
  return (
    <div
      id="offline-notice"
      data-locale={locale}
      data-offline={offline}
      data-saved-copy={savedCopy}
      suppressHydrationWarning
      dangerouslySetInnerHTML={{ __html: "" }}
    />
  );
}
